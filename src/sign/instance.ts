/**
 * Which Sigstore instance signs: public-good (Fulcio + Rekor, public log) for
 * public repositories, GitHub's own (Fulcio + TSA, no public log) for private
 * ones, as actions/attest chooses; or a private deployment by URL.
 */
import type { RunContext } from '../context'
import { InputError } from '../errors'

export interface SigstoreEndpoints {
  name: 'public-good' | 'github' | 'custom'
  fulcio: string
  rekor?: string
  tsa?: string
}

export type InstanceName = '' | 'public-good' | 'github' | 'custom'

export function resolveInstance(
  o: { instance: InstanceName; fulcioUrl?: string; rekorUrl?: string; tsaUrl?: string },
  github: Pick<RunContext, 'visibility' | 'serverUrl'>
): SigstoreEndpoints {
  const custom = o.fulcioUrl || o.rekorUrl || o.tsaUrl
  const name = o.instance || (custom ? 'custom' : github.visibility === 'public' ? 'public-good' : 'github')
  if (name === 'custom') {
    if (!o.fulcioUrl || !(o.rekorUrl || o.tsaUrl)) {
      throw new InputError('sigstore-instance: custom needs fulcio-url and at least one of rekor-url and tsa-url', {
        hint: 'Give the base URLs of your Fulcio and Rekor (and timestamp authority) deployments'
      })
    }
    return { name, fulcio: o.fulcioUrl, rekor: o.rekorUrl, tsa: o.tsaUrl }
  }
  if (custom)
    throw new InputError(`fulcio-url, rekor-url and tsa-url apply to sigstore-instance: custom, not ${name}`, {
      hint: 'Set sigstore-instance: custom, or drop the URLs'
    })
  if (name === 'public-good') return { name, fulcio: 'https://fulcio.sigstore.dev', rekor: 'https://rekor.sigstore.dev' }
  // GitHub Enterprise Cloud with data residency serves its own instance under the GHE.com host.
  const host = new URL(github.serverUrl).hostname
  return host.endsWith('.ghe.com')
    ? { name, fulcio: `https://fulcio.${host}`, tsa: `https://timestamp.${host}` }
    : { name, fulcio: 'https://fulcio.githubapp.com', tsa: 'https://timestamp.githubapp.com' }
}
