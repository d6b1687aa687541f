/**
 * AWS STS (awsQuery, XML) + ECR and ECR Public GetAuthorizationToken, ECR
 * CreateRepository and DescribeRepositories, ECR Public CreateRepository
 * (awsJson1_1, shapes from aws-sdk-js-v3's ecr-public model) on one loopback
 * endpoint: point AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL_ECR and
 * AWS_ENDPOINT_URL_ECR_PUBLIC (or AWS_ENDPOINT_URL) at `url`. ECR calls must
 * carry a SigV4 signature made with credentials this emulator issued (or a
 * configured static key); it is re-computed here from the raw request,
 * independently of the action's signer. `startEcrRegistry` puts ECR's
 * registry behaviour in front of a real registry: pushes to a repository that
 * was not created through the API are refused, as ECR refuses them (with a
 * `publicAlias`, ECR Public's layout: ALIAS/NAME, NAME created through its API).
 */
import { createHash, createHmac } from 'node:crypto'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { fieldText } from '../../../src/auth/source'
import type { GitHubOidc } from './github-oidc'
import { form, randomToken, serve, type Emulator, type Req, type Res } from './server'

export interface AwsRole {
  /** `sub` patterns the trust policy allows (`*` wildcards), audience sts.amazonaws.com. */
  subjects: string[]
  /** Actions the role's policy allows; default all of them. */
  allow?: Array<EcrAction>
}

export type EcrAction =
  'ecr:GetAuthorizationToken' | 'ecr-public:GetAuthorizationToken' | 'ecr:CreateRepository' | 'ecr:DescribeRepositories' | 'ecr-public:CreateRepository'

export interface EcrRepository {
  repositoryName: string
  registryId: string
  imageTagMutability: 'MUTABLE' | 'IMMUTABLE'
  imageScanningConfiguration: { scanOnPush: boolean }
  createdAt: number
}

export interface AwsOptions {
  oidc: GitHubOidc
  roles: Record<string, AwsRole>
  /** Long-term keys accepted for ECR (the env-credentials path): accessKeyId → secret. */
  staticKeys?: Record<string, string>
  /** Region of the emulated ECR registry; the signature scope must name it. */
  region: string
  /** What GetAuthorizationToken returns as proxyEndpoint. */
  proxyEndpoint?: string
  /** Lifetime of ECR tokens (AWS: 12 h) and STS sessions. */
  ecrTokenSeconds?: number
  stsSessionSeconds?: number
  /** Called with every registry credential issued (e.g. HtpasswdRegistry.addUser). */
  onIssue?: (username: string, password: string) => void
}

interface Session {
  secret: string
  token?: string
  expiresAt: number
  roleArn?: string
}

export interface AwsEmulator extends Emulator {
  /** Passwords issued by GetAuthorizationToken (user `AWS`), with their expiry. */
  ecrPasswords: Map<string, number>
  isValidEcrPassword(password: string | undefined): boolean
  stsCalls: number
  ecrCalls: number
  /** Repositories created with CreateRepository, by name. */
  repositories: Map<string, EcrRepository>
  /** ECR Public repositories created with its CreateRepository, by name (without the alias), with the request body. */
  publicRepositories: Map<string, { repositoryName: string; request: Record<string, unknown>; createdAt: number }>
  /** AWS_ENDPOINT_URL_* for this emulator. */
  env: Record<string, string>
}

const sha256 = (s: string | Buffer): string => createHash('sha256').update(s).digest('hex')

function xmlError(status: number, code: string, message: string): Res {
  const esc = message.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  return {
    status,
    headers: { 'Content-Type': 'text/xml' },
    body: `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${esc}</Message></Error><RequestId>r-1</RequestId></ErrorResponse>`
  }
}

const jsonError = (status: number, code: string, message: string, namespace = 'com.amazonaws.ecr'): Res => ({
  status,
  headers: { 'Content-Type': 'application/x-amz-json-1.1', 'x-amzn-ErrorType': `${code}:http://internal.amazon.com/coral/${namespace}/` },
  body: JSON.stringify({ __type: `${namespace}#${code}`, message })
})

const globMatch = (pattern: string, s: string): boolean =>
  new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`
  ).test(s)

/** SigV4 as the service checks it: rebuild the canonical request from what arrived. */
function verifySigV4(
  req: Req,
  sessions: Map<string, Session>,
  expect: { region: string; service: string }
): { ok: true; session: Session } | { ok: false; code: string; message: string } {
  const auth = req.headers.authorization ?? ''
  const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(auth)
  if (!m) return { ok: false, code: 'IncompleteSignatureException', message: 'Authorization header requires Credential, SignedHeaders and Signature' }
  const [, akid, day, region, service, signedHeaders, signature] = m
  const session = sessions.get(akid)
  if (!session) return { ok: false, code: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' }
  if (session.token !== undefined && req.headers['x-amz-security-token'] !== session.token) {
    return { ok: false, code: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' }
  }
  if (session.expiresAt < Date.now()) return { ok: false, code: 'ExpiredTokenException', message: 'The security token included in the request is expired' }
  if (region !== expect.region || service !== expect.service) {
    return {
      ok: false,
      code: 'InvalidSignatureException',
      message: `Credential should be scoped to a valid region/service: ${expect.region}/${expect.service}, not ${region}/${service}`
    }
  }
  const amzDate = String(req.headers['x-amz-date'] ?? '')
  const when = Date.parse(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'))
  if (!amzDate.startsWith(day) || Number.isNaN(when) || Math.abs(when - Date.now()) > 5 * 60_000) {
    return { ok: false, code: 'InvalidSignatureException', message: 'Signature expired or X-Amz-Date malformed' }
  }
  const names = signedHeaders.split(';')
  if (!names.includes('host')) return { ok: false, code: 'InvalidSignatureException', message: 'host must be signed' }
  const values = new Map<string, string[]>()
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const n = req.rawHeaders[i].toLowerCase()
    values.set(n, [...(values.get(n) ?? []), req.rawHeaders[i + 1].trim().replace(/ +/g, ' ')])
  }
  const canonicalHeaders = names.map((n) => `${n}:${(values.get(n) ?? []).join(',')}\n`).join('')
  const payloadHash = sha256(req.body)
  if (req.headers['x-amz-content-sha256'] && req.headers['x-amz-content-sha256'] !== payloadHash) {
    return { ok: false, code: 'InvalidSignatureException', message: 'The provided x-amz-content-sha256 does not match the body' }
  }
  const canonical = `${req.method}\n${req.url.pathname}\n${req.url.search.replace(/^\?/, '')}\n${canonicalHeaders}\n${signedHeaders}\n${payloadHash}`
  const toSign = `AWS4-HMAC-SHA256\n${amzDate}\n${day}/${region}/${service}/aws4_request\n${sha256(canonical)}`
  let key: Buffer = createHmac('sha256', `AWS4${session.secret}`).update(day).digest()
  for (const part of [region, service, 'aws4_request']) key = createHmac('sha256', key).update(part).digest()
  const expected = createHmac('sha256', key).update(toSign).digest('hex')
  if (expected !== signature) {
    return { ok: false, code: 'InvalidSignatureException', message: 'The request signature we calculated does not match the signature you provided.' }
  }
  return { ok: true, session }
}

export async function startAws(opts: AwsOptions): Promise<AwsEmulator> {
  const sessions = new Map<string, Session>()
  for (const [akid, secret] of Object.entries(opts.staticKeys ?? {})) sessions.set(akid, { secret, expiresAt: Number.MAX_SAFE_INTEGER })
  const ecrPasswords = new Map<string, number>()
  const repositories = new Map<string, EcrRepository>()
  const publicRepositories: AwsEmulator['publicRepositories'] = new Map()
  const state = { stsCalls: 0, ecrCalls: 0 }
  const account = /^https:\/\/(\d{12})\./.exec(opts.proxyEndpoint ?? '')?.[1] ?? '123456789012'

  const sts = (req: Req): Res => {
    state.stsCalls++
    const f = form(req)
    if (f.Action !== 'AssumeRoleWithWebIdentity' || f.Version !== '2011-06-15')
      return xmlError(400, 'InvalidAction', `Could not find operation ${f.Action} for version ${f.Version}`)
    if (!/^[\w+=,.@-]{2,64}$/.test(f.RoleSessionName ?? ''))
      return xmlError(400, 'ValidationError', "1 validation error detected: Value at 'roleSessionName' failed to satisfy constraint")
    const duration = Number(f.DurationSeconds ?? 3600)
    if (!(duration >= 900 && duration <= 43200))
      return xmlError(400, 'ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.')
    let claims: Record<string, unknown>
    try {
      claims = opts.oidc.verify(f.WebIdentityToken ?? '', 'sts.amazonaws.com')
    } catch (err) {
      const msg = (err as Error).message
      return msg === 'expired'
        ? xmlError(400, 'ExpiredTokenException', 'Token expired')
        : xmlError(400, 'InvalidIdentityToken', `Incorrect token audience or signature: ${msg}`)
    }
    const role = opts.roles[f.RoleArn ?? '']
    if (!role || !role.subjects.some((p) => globMatch(p, String(claims.sub))))
      return xmlError(403, 'AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity')
    const akid = randomToken('ASIA', 12)
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, 'X')
      .slice(0, 20)
    const session: Session = {
      secret: randomToken('', 30),
      token: randomToken('IQoJb3JpZ2luX2Vj', 60),
      expiresAt: Date.now() + (opts.stsSessionSeconds ?? duration) * 1000,
      roleArn: f.RoleArn
    }
    sessions.set(akid, session)
    const name = (f.RoleArn ?? '').split('/').pop()
    return {
      status: 200,
      headers: { 'Content-Type': 'text/xml' },
      body: `<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleWithWebIdentityResult>
    <SubjectFromWebIdentityToken>${String(claims.sub)}</SubjectFromWebIdentityToken>
    <Audience>sts.amazonaws.com</Audience>
    <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/${name}/${f.RoleSessionName}</Arn><AssumedRoleId>AROAEXAMPLE:${f.RoleSessionName}</AssumedRoleId></AssumedRoleUser>
    <Credentials>
      <AccessKeyId>${akid}</AccessKeyId>
      <SecretAccessKey>${session.secret}</SecretAccessKey>
      <SessionToken>${session.token}</SessionToken>
      <Expiration>${new Date(session.expiresAt).toISOString()}</Expiration>
    </Credentials>
    <Provider>arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com</Provider>
  </AssumeRoleWithWebIdentityResult>
  <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
</AssumeRoleWithWebIdentityResponse>`
    }
  }

  const ecr = (req: Req, target: string): Res => {
    state.ecrCalls++
    const isPublic = target.startsWith('SpencerFrontendService.')
    const operation = target.replace(/^(AmazonEC2ContainerRegistry_V20150921|SpencerFrontendService)\./, '')
    const known = isPublic ? ['GetAuthorizationToken', 'CreateRepository'] : ['GetAuthorizationToken', 'CreateRepository', 'DescribeRepositories']
    if (!known.includes(operation)) return jsonError(400, 'UnknownOperationException', target)
    if (!String(req.headers['content-type']).startsWith('application/x-amz-json-1.1')) return jsonError(400, 'SerializationException', 'bad content type')
    const service = isPublic ? 'ecr-public' : 'ecr'
    const scopeRegion = /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(req.headers.authorization ?? '')?.[1]
    if (isPublic && scopeRegion !== 'us-east-1')
      return jsonError(400, 'UnsupportedCommandException', `${operation} command is only supported in us-east-1.`, 'com.amazonaws.ecrpublic')
    const v = verifySigV4(req, sessions, { region: isPublic ? 'us-east-1' : opts.region, service })
    if (!v.ok) return jsonError(v.code === 'InvalidSignatureException' || v.code === 'IncompleteSignatureException' ? 403 : 400, v.code, v.message)
    const role = v.session.roleArn ? opts.roles[v.session.roleArn] : undefined
    const action = `${service}:${operation}` as EcrAction
    if (role?.allow && !role.allow.includes(action)) {
      return jsonError(
        400,
        'AccessDeniedException',
        `User: arn:aws:sts::123456789012:assumed-role/${v.session.roleArn?.split('/').pop()}/s is not authorized to perform: ${action} on resource: * because no identity-based policy allows the ${action} action`,
        isPublic ? 'com.amazonaws.ecrpublic' : 'com.amazonaws.ecr'
      )
    }
    if (isPublic && operation === 'CreateRepository') return publicCreate(req)
    if (operation === 'CreateRepository' || operation === 'DescribeRepositories') return repositoryCall(operation, req)
    const password = randomToken('eyJwYXlsb2FkIjoi', 40)
    const expiresAt = Date.now() + (opts.ecrTokenSeconds ?? 43200) * 1000
    ecrPasswords.set(password, expiresAt)
    opts.onIssue?.('AWS', password)
    const data = { authorizationToken: Buffer.from(`AWS:${password}`).toString('base64'), expiresAt: expiresAt / 1000 }
    return {
      status: 200,
      headers: { 'Content-Type': 'application/x-amz-json-1.1' },
      body: JSON.stringify(
        isPublic
          ? { authorizationData: data }
          : { authorizationData: [{ ...data, proxyEndpoint: opts.proxyEndpoint ?? 'https://123456789012.dkr.ecr.us-east-1.amazonaws.com' }] }
      )
    }
  }

  /** The two repository calls, with ECR's validation and error shapes. */
  const repositoryCall = (operation: 'CreateRepository' | 'DescribeRepositories', req: Req): Res => {
    let input: Record<string, unknown>
    try {
      input = JSON.parse(req.body.toString()) as Record<string, unknown>
    } catch {
      return jsonError(400, 'SerializationException', 'body is not JSON')
    }
    const registryId = (input.registryId as string | undefined) ?? account
    if (registryId !== account) return jsonError(400, 'AccessDeniedException', `not authorized on registry ${registryId}`)
    const ok = (body: object): Res => ({ status: 200, headers: { 'Content-Type': 'application/x-amz-json-1.1' }, body: JSON.stringify(body) })
    const describe = (r: EcrRepository) => ({
      ...r,
      repositoryArn: `arn:aws:ecr:${opts.region}:${account}:repository/${r.repositoryName}`,
      repositoryUri: `${account}.dkr.ecr.${opts.region}.amazonaws.com/${r.repositoryName}`,
      createdAt: r.createdAt / 1000
    })
    if (operation === 'DescribeRepositories') {
      const names = (input.repositoryNames as string[] | undefined) ?? [...repositories.keys()]
      const missing = names.find((n) => !repositories.has(n))
      if (missing)
        return jsonError(400, 'RepositoryNotFoundException', `The repository with name '${missing}' does not exist in the registry with id '${registryId}'`)
      return ok({ repositories: names.map((n) => describe(repositories.get(n)!)) })
    }
    const name = fieldText(input.repositoryName ?? '')
    if (!/^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/.test(name) || name.length < 2 || name.length > 256)
      return jsonError(400, 'InvalidParameterException', `Invalid parameter at 'repositoryName' failed to satisfy constraint: '${name}'`)
    const mutability = (input.imageTagMutability as string | undefined) ?? 'MUTABLE'
    if (mutability !== 'MUTABLE' && mutability !== 'IMMUTABLE')
      return jsonError(400, 'ValidationException', `Value '${mutability}' at 'imageTagMutability' failed to satisfy constraint`)
    if (repositories.has(name))
      return jsonError(400, 'RepositoryAlreadyExistsException', `The repository with name '${name}' already exists in the registry with id '${registryId}'`)
    const repo: EcrRepository = {
      repositoryName: name,
      registryId,
      imageTagMutability: mutability,
      imageScanningConfiguration: { scanOnPush: Boolean((input.imageScanningConfiguration as { scanOnPush?: boolean } | undefined)?.scanOnPush) },
      createdAt: Date.now()
    }
    repositories.set(name, repo)
    return ok({ repository: describe(repo) })
  }

  /** ECR Public's CreateRepository: repositoryName (2–205, lower case, `/` namespaces), optional catalogData and tags; nothing else. */
  const publicCreate = (req: Req): Res => {
    const fail = (code: string, message: string): Res => jsonError(400, code, message, 'com.amazonaws.ecrpublic')
    let input: Record<string, unknown>
    try {
      input = JSON.parse(req.body.toString()) as Record<string, unknown>
    } catch {
      return fail('SerializationException', 'body is not JSON')
    }
    const extra = Object.keys(input).filter((k) => !['repositoryName', 'catalogData', 'tags'].includes(k))
    if (extra.length) return fail('SerializationException', `Unexpected field(s) ${extra.join(', ')} for CreateRepositoryRequest`)
    const name = fieldText(input.repositoryName ?? '')
    if (!/^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/.test(name) || name.length < 2 || name.length > 205)
      return fail('InvalidParameterException', `Invalid parameter at 'repositoryName' failed to satisfy constraint: '${name}'`)
    if (publicRepositories.has(name))
      return fail('RepositoryAlreadyExistsException', `The repository with name '${name}' already exists in the registry with id '${account}'`)
    const createdAt = Date.now()
    publicRepositories.set(name, { repositoryName: name, request: input, createdAt })
    return {
      status: 200,
      headers: { 'Content-Type': 'application/x-amz-json-1.1' },
      body: JSON.stringify({
        repository: {
          repositoryArn: `arn:aws:ecr-public::${account}:repository/${name}`,
          registryId: account,
          repositoryName: name,
          repositoryUri: `public.ecr.aws/alias/${name}`,
          createdAt: createdAt / 1000
        },
        catalogData: {}
      })
    }
  }

  const em = await serve((req) => {
    if (req.method !== 'POST' || req.url.pathname !== '/') return { status: 404, body: 'not found' }
    const target = req.headers['x-amz-target']
    return typeof target === 'string' ? ecr(req, target) : sts(req)
  })
  return {
    ...em,
    ecrPasswords,
    issuedSecrets: () => [
      ...ecrPasswords.keys(),
      ...[...ecrPasswords.keys()].map((p) => Buffer.from(`AWS:${p}`).toString('base64')),
      ...[...sessions.values()].flatMap((s) => (s.token ? [s.secret, s.token] : []))
    ],
    isValidEcrPassword: (p) => p !== undefined && (ecrPasswords.get(p) ?? 0) > Date.now(),
    repositories,
    publicRepositories,
    get stsCalls() {
      return state.stsCalls
    },
    get ecrCalls() {
      return state.ecrCalls
    },
    env: { AWS_ENDPOINT_URL_STS: em.url, AWS_ENDPOINT_URL_ECR: em.url, AWS_ENDPOINT_URL_ECR_PUBLIC: em.url }
  }
}

/**
 * ECR's registry in front of a real one (`upstream`): any request for a
 * repository that CreateRepository did not create is answered 404
 * NAME_UNKNOWN with ECR's message, and a tag of an IMMUTABLE repository
 * cannot be moved; everything else passes through with the Host kept, so
 * upload Locations point back here.
 */
export async function startEcrRegistry(
  aws: AwsEmulator,
  upstream: string,
  opts: { publicAlias?: string } = {}
): Promise<{ host: string; url: string; refused: string[]; stop(): Promise<void> }> {
  const refused: string[] = []
  const up = new URL(upstream)
  const server = http.createServer((req, res) => {
    const m = /^\/v2\/(.+?)\/(blobs|manifests|tags|referrers)\/(.*)$/.exec((req.url ?? '').split('?')[0])
    const alias = opts.publicAlias
    const repo: Pick<EcrRepository, 'imageTagMutability'> | undefined = !m
      ? undefined
      : alias === undefined
        ? aws.repositories.get(m[1])
        : m[1].startsWith(`${alias}/`) && aws.publicRepositories.has(m[1].slice(alias.length + 1))
          ? { imageTagMutability: 'MUTABLE' }
          : undefined
    const refuse = (status: number, code: string, message: string): void => {
      refused.push(`${req.method} ${req.url}`)
      req.resume()
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
      res.end(req.method === 'HEAD' ? undefined : JSON.stringify({ errors: [{ code, message }] }))
    }
    if (m && !repo) return refuse(404, 'NAME_UNKNOWN', `The repository with name '${m[1]}' does not exist in the registry with id '123456789012'`)
    const forward = (): void => {
      const preq = http.request({ host: up.hostname, port: up.port, method: req.method, path: req.url, headers: req.headers }, (pres) => {
        res.writeHead(pres.statusCode ?? 502, pres.headers)
        pres.pipe(res)
      })
      preq.on('error', () => {
        res.writeHead(502)
        res.end()
      })
      req.pipe(preq)
    }
    const tag = m && m[2] === 'manifests' && req.method === 'PUT' && !m[3].startsWith('sha256:') ? m[3] : undefined
    if (!tag || repo!.imageTagMutability !== 'IMMUTABLE') return forward()
    // An immutable tag may be set once: ask the upstream whether it exists.
    const head = http.request(
      {
        host: up.hostname,
        port: up.port,
        method: 'HEAD',
        path: `/v2/${m![1]}/manifests/${tag}`,
        headers: { authorization: req.headers.authorization ?? '', accept: '*/*' }
      },
      (hres) => {
        hres.resume()
        if (hres.statusCode === 200)
          refuse(
            400,
            'TAG_INVALID',
            `The image tag '${tag}' already exists in the '${m![1]}' repository and cannot be overwritten because the repository is immutable.`
          )
        else forward()
      }
    )
    head.on('error', forward)
    head.end()
  })
  server.keepAliveTimeout = 1000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    host: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}`,
    refused,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
