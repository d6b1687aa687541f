/** The one redirect policy of src/http.ts, as Go's http.Client applies it to Helm's downloads (10 requests, 303 → GET), plus no HTTPS → HTTP. */
import { MAX_REDIRECTS, RedirectRefused, redirectHop, type HttpResponse } from '../src/http'

const answer = (status: number, url: string, location?: string): HttpResponse => ({
  status,
  url: new URL(url),
  headers: location === undefined ? {} : { location },
  body: Buffer.alloc(0)
})

describe('redirectHop', () => {
  it.each([301, 302, 307, 308])('%i keeps the method and body', (status) => {
    expect(redirectHop(answer(status, 'https://a.example/x', '/y'), 'PUT', 0, undefined)).toEqual({
      url: new URL('https://a.example/y'),
      method: 'PUT',
      dropBody: false
    })
  })
  it('303 turns into a GET without the body (HEAD stays HEAD)', () => {
    expect(redirectHop(answer(303, 'https://a.example/x', 'https://b.example/z'), 'POST', 0, undefined)).toEqual({
      url: new URL('https://b.example/z'),
      method: 'GET',
      dropBody: true
    })
    expect(redirectHop(answer(303, 'https://a.example/x', '/z'), 'HEAD', 0, undefined)?.method).toBe('HEAD')
  })
  it('stops at the tenth request (Go: "stopped after 10 redirects"), and on answers that are not redirects or have no Location', () => {
    expect(MAX_REDIRECTS).toBe(10)
    // `hops`: redirects already followed; the answer to the 9th request may be followed, the 10th's not.
    expect(redirectHop(answer(302, 'https://a.example/x', '/y'), 'GET', 8, undefined)).toBeDefined()
    expect(redirectHop(answer(302, 'https://a.example/x', '/y'), 'GET', 9, undefined)).toBeUndefined()
    expect(redirectHop(answer(302, 'https://a.example/x'), 'GET', 0, undefined)).toBeUndefined()
    expect(redirectHop(answer(304, 'https://a.example/x', '/y'), 'GET', 0, undefined)).toBeUndefined()
  })
  it('never from HTTPS down to HTTP; HTTP to HTTPS is fine', () => {
    expect(() => redirectHop(answer(302, 'https://a.example/x', 'http://a.example/x'), 'GET', 0, undefined)).toThrow(RedirectRefused)
    expect(() => redirectHop(answer(302, 'https://a.example/x', 'http://a.example/x'), 'GET', 0, undefined)).toThrow(
      'https://a.example/x redirects to http://a.example/x, away from HTTPS'
    )
    expect(redirectHop(answer(302, 'http://a.example/x', 'https://a.example/x'), 'GET', 0, undefined)?.url.protocol).toBe('https:')
  })
  it('a Location that is not a URL is refused (Go: "failed to parse Location header"), without repeating it', () => {
    const e = (() => {
      try {
        redirectHop(answer(302, 'https://a.example/x', 'https://[sig=secret'), 'GET', 0, undefined)
      } catch (err) {
        return err as RedirectRefused
      }
    })()
    expect(e).toBeInstanceOf(RedirectRefused)
    expect(e).toMatchObject({ to: undefined, detail: 'redirects to a Location header that is not a URL' })
    expect(e!.message).toBe('https://a.example/x redirects to a Location header that is not a URL')
  })
})
