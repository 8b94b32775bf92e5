import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { configureClient } from '@/api/client'
import { fieldLimits, forgetOpenApi, loadOpenApi, requestSchema, resourceLimits, type OpenApiDoc } from '@/api/openapi'
import { i18n } from '@/locales'
import { partyResource } from '../parties/schema'
import { sectorResource } from '../sectors/schema'
import { specialCommitteeResource } from '../special-committees/schema'
import { committeeResource } from '../committees/schema'
import ResourceForm from './ResourceForm.vue'
import { resourceRules, trimTexts } from './rules'

// What the server's openapi() answers for the org resources (request schemas from the specs
// in server/src/modules/org/specs.cpp; an update lists the same fields, none required).
function body(properties: Record<string, object>, required: string[]) {
  return { requestBody: { content: { 'application/json': { schema: { type: 'object', properties, required } } } } }
}
const text = (max: number, required = false) => ({ type: required ? 'string' : ['string', 'null'], maxLength: max, ...(required ? { minLength: 1 } : {}) })
const sort = { type: 'integer', minimum: -1000000, maximum: 1000000000 }
const DOC: OpenApiDoc = {
  paths: {
    '/api/v1/parties': { get: {}, post: body({ name: text(30, true), short_name: text(10), sort }, ['name']) },
    '/api/v1/parties/{id}': { patch: body({ name: text(30), short_name: text(10), sort }, []) },
    '/api/v1/sectors': { post: body({ name: text(30, true), description: text(200), sort }, ['name']) },
    '/api/v1/special-committees': {
      post: body({ name: text(30, true), kind: { type: 'string', enum: ['proposal', 'other'], default: 'other' }, description: text(500), sort }, ['name']),
    },
    '/api/v1/committees': {
      post: body(
        { parent_id: sort, name: text(60, true), short_name: text(30), level: { type: 'string', enum: ['province', 'city', 'district'] }, region: text(60) },
        ['name'],
      ),
    },
  },
}

describe('limits from the OpenAPI description', () => {
  it('reads the request schema of an operation', () => {
    expect(requestSchema(DOC, '/parties', 'post')?.required).toEqual(['name'])
    expect(requestSchema(DOC, '/parties/{id}', 'patch')?.properties?.short_name.maxLength).toBe(10)
    expect(requestSchema(DOC, '/nothing', 'post')).toBeNull()
    expect(requestSchema(null, '/parties', 'post')).toBeNull()
    expect(fieldLimits(null)).toEqual({})
  })

  it("gives each resource's form the server's lengths, required fields and values", () => {
    expect(resourceLimits(DOC, partyResource.api.path)).toMatchObject({
      name: { required: true, maxLength: 30 },
      short_name: { required: false, maxLength: 10 },
    })
    expect(resourceLimits(DOC, sectorResource.api.path).description.maxLength).toBe(200)
    expect(resourceLimits(DOC, specialCommitteeResource.api.path).kind.choices).toEqual(['proposal', 'other'])
    expect(resourceLimits(DOC, committeeResource.api.path)).toMatchObject({ name: { maxLength: 60 }, short_name: { maxLength: 30 }, level: { choices: ['province', 'city', 'district'] } })
  })

  it('requires what the server requires, and trims text', () => {
    const rules = resourceRules(partyResource.fields, resourceLimits(DOC, '/parties'))
    expect(Object.keys(rules)).toEqual(['name'])
    expect(rules.name[0]).toMatchObject({ required: true, trigger: 'blur' })
    expect(trimTexts(partyResource.fields, { name: ' 民盟 ', short_name: ' ', sort: 3 })).toEqual({ name: '民盟', short_name: '', sort: 3 })
  })

  describe('fetching', () => {
    const fetchMock = vi.fn()
    beforeEach(() => {
      forgetOpenApi()
      configureClient({ notifyError: vi.fn() })
      vi.stubGlobal('fetch', fetchMock)
    })
    afterEach(() => {
      vi.unstubAllGlobals()
      fetchMock.mockReset()
    })

    it('fetches the description once, and again after a failure', async () => {
      fetchMock.mockResolvedValueOnce(new Response('', { status: 502 }))
      await expect(loadOpenApi()).rejects.toThrow()
      fetchMock.mockImplementation(async () => new Response(JSON.stringify(DOC), { status: 200 }))
      const [a, b] = await Promise.all([loadOpenApi(), loadOpenApi()])
      expect(a).toEqual(DOC)
      expect(b).toBe(a)
      await loadOpenApi()
      expect(fetchMock).toHaveBeenCalledTimes(2)
      expect(fetchMock.mock.calls[1][0]).toBe('/api/v1/openapi.json')
    })
  })
})

describe('ResourceForm', () => {
  it("limits the inputs to the server's lengths and offers the server's values", async () => {
    // jsdom lays nothing out: Element Plus warns that it cannot measure the labels.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const wrapper = mount(ResourceForm, {
      props: { modelValue: true, schema: specialCommitteeResource, record: null, limits: resourceLimits(DOC, '/special-committees'), options: { units: [{ id: 7, name: '区发改局' }] } },
      global: { plugins: [i18n, createPinia()] },
      attachTo: document.body,
    })
    await flushPromises()
    const name = document.querySelector<HTMLInputElement>('#sc-name')
    expect(name?.getAttribute('maxlength')).toBe('30')
    expect(document.querySelector('#sc-description')?.getAttribute('maxlength')).toBe('500')
    const radios = [...document.querySelectorAll('.el-radio')].map((r) => r.textContent?.trim())
    expect(radios).toEqual([i18n.global.t('enums.scKind.proposal'), i18n.global.t('enums.scKind.other')])
    expect(document.querySelector('.el-dialog__title')?.textContent).toBe('新增专委会')
    wrapper.unmount()
    await new Promise((r) => setTimeout(r, 50))
    warn.mockRestore()
    error.mockRestore()
  })
})
