/**
 * STS AssumeRoleWithWebIdentity over the awsQuery protocol (form POST, XML
 * answer). The call is unsigned: the web identity token is the credential.
 */
import { AuthError } from '../../errors'
import { jwtClaims } from '../github-oidc'
import { maskSecret, scrubSecrets } from '../mask'
import { callService, fieldText } from '../source'
import type { AwsCredentials } from './sigv4'

export interface AssumeRoleInput {
  endpoint: URL
  roleArn: string
  sessionName: string
  webIdentityToken: string
  durationSeconds?: number
}

const unescapeXml = (s: string): string =>
  s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_m, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]
    return String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
  })

/** Text of the first `<name>` element (the STS documents are flat enough for this). */
export function xmlText(xml: string, name: string): string | undefined {
  const m = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(xml)
  return m ? unescapeXml(m[1].trim()) : undefined
}

/** RoleSessionName allows 2–64 of [\w+=,.@-]. */
export function sessionName(env: NodeJS.ProcessEnv): string {
  const raw = env.AWS_ROLE_SESSION_NAME || `helm-oci-publish${env.GITHUB_RUN_ID ? `-${env.GITHUB_RUN_ID}` : ''}`
  return raw
    .replace(/[^\w+=,.@-]/g, '-')
    .slice(0, 64)
    .padEnd(2, '-')
}

export async function assumeRoleWithWebIdentity(input: AssumeRoleInput): Promise<AwsCredentials> {
  const form = new URLSearchParams({
    Action: 'AssumeRoleWithWebIdentity',
    Version: '2011-06-15',
    RoleArn: input.roleArn,
    RoleSessionName: input.sessionName,
    WebIdentityToken: input.webIdentityToken,
    DurationSeconds: String(input.durationSeconds ?? 3600)
  })
  const sts = { name: `AWS STS at ${input.endpoint.origin}`, setting: 'AWS_ENDPOINT_URL_STS (or the region)', during: ` while assuming role ${input.roleArn}` }
  const res = await callService(sts, {
    method: 'POST',
    url: input.endpoint,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8', Accept: 'text/xml' },
    body: form.toString()
  })
  const xml = res.body.toString()
  if (res.status !== 200) {
    const code = xmlText(xml, 'Code') ?? `HTTP ${res.status}`
    const message = xmlText(xml, 'Message') ?? scrubSecrets(xml).slice(0, 200)
    const claims = jwtClaims(input.webIdentityToken)
    const who = claims.sub ? ` (token sub "${fieldText(claims.sub)}", aud "${fieldText(claims.aud)}")` : ''
    throw new AuthError(`AWS STS AssumeRoleWithWebIdentity for ${input.roleArn} failed: ${code}: ${message}${who}`, { hint: stsHint(code) })
  }
  const accessKeyId = xmlText(xml, 'AccessKeyId')
  const secretAccessKey = xmlText(xml, 'SecretAccessKey')
  const sessionToken = xmlText(xml, 'SessionToken')
  const expiration = xmlText(xml, 'Expiration')
  maskSecret(secretAccessKey)
  maskSecret(sessionToken)
  if (!accessKeyId || !secretAccessKey || !sessionToken) {
    throw new AuthError(`AWS STS AssumeRoleWithWebIdentity for ${input.roleArn} answered without credentials`)
  }
  const expiresAt = expiration ? Date.parse(expiration) : undefined
  return { accessKeyId, secretAccessKey, sessionToken, expiresAt: Number.isNaN(expiresAt) ? undefined : expiresAt }
}

function stsHint(code: string): string {
  switch (code) {
    case 'AccessDenied':
      return "Check the role's trust policy: it must allow sts:AssumeRoleWithWebIdentity for the federated principal token.actions.githubusercontent.com with aud sts.amazonaws.com and a sub condition matching this workflow"
    case 'InvalidIdentityToken':
      return "Create the IAM OIDC identity provider token.actions.githubusercontent.com (audience sts.amazonaws.com) in the role's account"
    case 'ExpiredTokenException':
      return 'The GitHub OIDC token expired before it reached AWS; re-run the job'
    case 'ValidationError':
      return "Check aws-role-arn and that the role's maximum session duration is at least 1 hour"
    case 'RegionDisabledException':
      return 'Activate STS in this region (IAM → Account settings) or use a registry in an enabled region'
    default:
      return 'See the AWS error above; the role ARN and the trust policy are the usual causes'
  }
}
