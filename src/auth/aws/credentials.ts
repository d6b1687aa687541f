/**
 * Where AWS credentials come from, in the order the issue asks for:
 * 1. `aws-role-arn`: the job's GitHub OIDC token → STS AssumeRoleWithWebIdentity;
 * 2. AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY [/ AWS_SESSION_TOKEN] (what
 *    aws-actions/configure-aws-credentials exports);
 * 3. AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN (EKS / ARC runners).
 * Shared profiles, SSO, container and instance-metadata credentials would need
 * the AWS SDK's provider chain, which the action does not bundle.
 */
import { promises as fs } from 'node:fs'
import { AuthError } from '../../errors'
import { getIdToken } from '../github-oidc'
import { maskSecret } from '../mask'
import { awsEndpoint } from './endpoints'
import type { AwsCredentials } from './sigv4'
import { assumeRoleWithWebIdentity, sessionName } from './sts'

export const AWS_AUDIENCE = 'sts.amazonaws.com'

export interface AwsCredentialSource {
  /** For the log, e.g. "role arn:aws:iam::…:role/x via GitHub OIDC". */
  description: string
  get(): Promise<AwsCredentials>
}

export function awsCredentialSource(opts: { roleArn?: string; region: string; fips?: boolean; purpose: string }, env: NodeJS.ProcessEnv): AwsCredentialSource {
  const sts = (): URL => awsEndpoint('sts', opts.region, env, opts.fips)
  if (opts.roleArn) {
    const roleArn = opts.roleArn
    return {
      description: `role ${roleArn} via GitHub OIDC`,
      get: async () =>
        assumeRoleWithWebIdentity({
          endpoint: sts(),
          roleArn,
          sessionName: sessionName(env),
          webIdentityToken: await getIdToken(AWS_AUDIENCE, opts.purpose, env)
        })
    }
  }
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
    const creds: AwsCredentials = {
      accessKeyId: env.AWS_ACCESS_KEY_ID,
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
      sessionToken: env.AWS_SESSION_TOKEN || undefined,
      expiresAt: env.AWS_CREDENTIAL_EXPIRATION ? Date.parse(env.AWS_CREDENTIAL_EXPIRATION) || undefined : undefined
    }
    return {
      description: `AWS credentials from the environment (${creds.sessionToken ? 'temporary' : 'access key'})`,
      get: async () => {
        maskSecret(creds.secretAccessKey)
        maskSecret(creds.sessionToken)
        return creds
      }
    }
  }
  const tokenFile = env.AWS_WEB_IDENTITY_TOKEN_FILE
  const fileRole = env.AWS_ROLE_ARN
  if (tokenFile && fileRole) {
    return {
      description: `role ${fileRole} via AWS_WEB_IDENTITY_TOKEN_FILE`,
      get: async () => {
        const token = (await fs.readFile(tokenFile, 'utf8')).trim()
        maskSecret(token)
        return assumeRoleWithWebIdentity({ endpoint: sts(), roleArn: fileRole, sessionName: sessionName(env), webIdentityToken: token })
      }
    }
  }
  return {
    description: 'no AWS credentials',
    get: async () => {
      throw new AuthError(`${opts.purpose} needs AWS credentials, and none were found`, {
        hint: 'Set the `aws-role-arn` input (with `permissions: id-token: write`), or run aws-actions/configure-aws-credentials before this step. Shared profiles, SSO and EC2 instance roles are not read by this action'
      })
    }
  }
}
