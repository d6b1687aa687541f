/**
 * AWS API endpoints, with the SDK's standard overrides
 * (`AWS_ENDPOINT_URL_<SERVICE>`, then `AWS_ENDPOINT_URL`, unless
 * `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true`), so that VPC endpoints,
 * LocalStack and the test emulators all work without special code.
 */
import { awsPartition } from '../detect'

export type AwsService = 'sts' | 'ecr' | 'ecr-public'

const ENV_ID: Record<AwsService, string> = { sts: 'STS', ecr: 'ECR', 'ecr-public': 'ECR_PUBLIC' }
const HOST_PREFIX: Record<AwsService, string> = { sts: 'sts', ecr: 'api.ecr', 'ecr-public': 'api.ecr-public' }

export function awsEndpoint(service: AwsService, region: string, env: NodeJS.ProcessEnv, fips = false): URL {
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() !== 'true') {
    const configured = env[`AWS_ENDPOINT_URL_${ENV_ID[service]}`] || env.AWS_ENDPOINT_URL
    if (configured) return new URL(configured)
  }
  const suffix = awsPartition(region).dnsSuffix
  // sts-fips.REGION…, api.ecr-fips.REGION…; ECR Public has no FIPS endpoint.
  const prefix = fips && service !== 'ecr-public' ? `${HOST_PREFIX[service]}-fips` : HOST_PREFIX[service]
  return new URL(`https://${prefix}.${region}.${suffix}/`)
}
