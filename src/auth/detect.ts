/**
 * Registry host → login method, and for the clouds the facts the token
 * exchange needs (AWS region and partition, Azure cloud). Pure: no I/O.
 */

export type Provider = 'ghcr' | 'ecr' | 'ecr-public' | 'acr' | 'gar' | 'basic' | 'anonymous'

export interface AwsPartition {
  name: string
  /** DNS suffix of the partition's API endpoints. */
  dnsSuffix: string
}

export interface AzureCloud {
  name: 'AzurePublicCloud' | 'AzureUSGovernment' | 'AzureChinaCloud'
  authorityHost: string
  /** Entra scope whose tokens ACR's /oauth2/exchange accepts (the ACR audience, not ARM). */
  acrScope: string
}

export interface Detected {
  provider: Provider
  /** ECR: account id, region, partition, FIPS endpoint. */
  account?: string
  region?: string
  partition?: AwsPartition
  fips?: boolean
  /** ACR: the sovereign cloud the registry lives in. */
  azure?: AzureCloud
}

const ECR_HOST =
  /^(\d{12})\.dkr(?:\.ecr|-ecr)(-fips)?\.([a-z0-9-]+)\.(amazonaws\.com|amazonaws\.com\.cn|amazonaws\.eu|on\.aws|c2s\.ic\.gov|sc2s\.sgov\.gov|cloud\.adc-e\.uk|csp\.hci\.ic\.gov)$/
const ECR_PUBLIC_HOSTS = new Set(['public.ecr.aws', 'ecr-public.aws.com'])

/** The AWS partition of a region (SDK partitions table, by region prefix). */
export function awsPartition(region: string): AwsPartition {
  if (region.startsWith('cn-')) return { name: 'aws-cn', dnsSuffix: 'amazonaws.com.cn' }
  if (region.startsWith('eusc-')) return { name: 'aws-eusc', dnsSuffix: 'amazonaws.eu' }
  if (region.startsWith('us-gov-')) return { name: 'aws-us-gov', dnsSuffix: 'amazonaws.com' }
  if (region.startsWith('us-isob-')) return { name: 'aws-iso-b', dnsSuffix: 'sc2s.sgov.gov' }
  if (region.startsWith('us-isof-')) return { name: 'aws-iso-f', dnsSuffix: 'csp.hci.ic.gov' }
  if (region.startsWith('us-iso-')) return { name: 'aws-iso', dnsSuffix: 'c2s.ic.gov' }
  if (region.startsWith('eu-isoe-')) return { name: 'aws-iso-e', dnsSuffix: 'cloud.adc-e.uk' }
  return { name: 'aws', dnsSuffix: 'amazonaws.com' }
}

export const AZURE_CLOUDS: Record<string, AzureCloud> = {
  io: { name: 'AzurePublicCloud', authorityHost: 'https://login.microsoftonline.com', acrScope: 'https://containerregistry.azure.net/.default' },
  us: { name: 'AzureUSGovernment', authorityHost: 'https://login.microsoftonline.us', acrScope: 'https://containerregistry.azure.us/.default' },
  cn: { name: 'AzureChinaCloud', authorityHost: 'https://login.chinacloudapi.cn', acrScope: 'https://containerregistry.azure.cn/.default' }
}

/** Lower-cased host name without the port. */
export function hostname(host: string): string {
  const h = host.toLowerCase()
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1)
  const colon = h.lastIndexOf(':')
  return colon > 0 && /^\d+$/.test(h.slice(colon + 1)) ? h.slice(0, colon) : h
}

/** GitHub's container registry for github.com, GHES (`containers.HOST`) and GHE.com tenants. */
export function isGhcrHost(host: string, githubServerUrl?: string): boolean {
  const h = hostname(host)
  if (h === 'ghcr.io') return true
  if (!githubServerUrl) return false
  try {
    const server = new URL(githubServerUrl).hostname.toLowerCase()
    return server !== 'github.com' && h === `containers.${server}`
  } catch {
    return false
  }
}

export function isLoopback(host: string): boolean {
  const h = hostname(host)
  return h === 'localhost' || h === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(h)
}

/** What `login: auto` means for this host. */
export function detectRegistry(host: string, githubServerUrl?: string): Detected {
  const h = hostname(host)
  if (isGhcrHost(host, githubServerUrl)) return { provider: 'ghcr' }
  const ecr = ECR_HOST.exec(h)
  if (ecr) {
    const region = ecr[3]
    return { provider: 'ecr', account: ecr[1], region, fips: Boolean(ecr[2]), partition: awsPartition(region) }
  }
  if (ECR_PUBLIC_HOSTS.has(h)) return { provider: 'ecr-public', region: 'us-east-1', partition: awsPartition('us-east-1') }
  const acr = /^[a-z0-9-]+\.azurecr\.(io|us|cn)$/.exec(h)
  if (acr) return { provider: 'acr', azure: AZURE_CLOUDS[acr[1]] }
  if (h === 'gcr.io' || h.endsWith('.gcr.io') || h.endsWith('-docker.pkg.dev') || h.endsWith('.pkg.dev')) return { provider: 'gar' }
  return { provider: 'basic' }
}

/** Docker Hub's aliases; its Docker config key is the historical index URL. */
export function isDockerHub(host: string): boolean {
  const h = hostname(host)
  return h === 'docker.io' || h === 'registry-1.docker.io' || h === 'index.docker.io'
}
