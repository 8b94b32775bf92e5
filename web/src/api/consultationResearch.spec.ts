import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { configureClient } from './client'
import {
  addVisit,
  createResearch,
  fileSize,
  listMyResearch,
  nextVisit,
  researchFileUrl,
  researchStep,
  saveReport,
  teamInput,
  updateResearch,
  uploadResearchFile,
  type TeamMember,
} from './consultationResearch'

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

describe('research helpers', () => {
  it('sends the committee people by account and experts by name, leaving out empty rows', () => {
    const team: TeamMember[] = [
      { user_id: 7, role: 'leader', name: '张伟', employer: '某公司', title: '经理' },
      { user_id: null, role: 'member', name: '', employer: '', title: '' },
      { user_id: null, role: 'expert', name: ' 王建国 ', employer: '武汉大学', title: '教授' },
      { user_id: null, role: 'expert', name: '  ', employer: '', title: '' },
    ]
    expect(teamInput(team)).toEqual([
      { user_id: 7, role: 'leader', name: '', employer: '', title: '' },
      { user_id: null, role: 'expert', name: '王建国', employer: '武汉大学', title: '教授' },
    ])
  })

  it('finds the next visit on or after today', () => {
    const visits = [{ visited_on: '2026-12-20' }, { visited_on: '2026-11-01' }, { visited_on: '2026-12-08' }]
    expect(nextVisit(visits, '2026-12-08')).toEqual({ visited_on: '2026-12-08' })
    expect(nextVisit(visits, '2027-01-01')).toBeNull()
  })

  it('shows sizes and file addresses', () => {
    expect(fileSize(300)).toBe('1 KB')
    expect(fileSize(35 * 1024)).toBe('35 KB')
    expect(fileSize(1.25 * 1024 * 1024)).toBe('1.3 MB')
    expect(researchFileUrl({ id: 5 })).toBe('/api/v1/consultations/research-files/5')
  })
})

describe('research requests', () => {
  const fetchMock = vi.fn()
  const notifyError = vi.fn()

  beforeEach(() => {
    configureClient({ csrfToken: () => 'tok', notifyError, onUnauthorized: vi.fn(), onPasswordChangeRequired: vi.fn() })
    vi.stubGlobal('fetch', fetchMock)
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.clearAllMocks()
  })

  it('creates and edits an activity at its version', async () => {
    fetchMock.mockImplementation(async () => answer(201, { id: 3 }))
    await createResearch(9, { kind: 'inspection', title: '视察' })
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/consultations/topics/9/research')
    expect(fetchMock.mock.calls[0][1].method).toBe('POST')
    expect(JSON.parse(fetchMock.mock.calls[0][1].body)).toEqual({ kind: 'inspection', title: '视察' })
    await updateResearch({ id: 3, version: 4 }, { outline: '提纲' })
    expect(fetchMock.mock.calls[1][0]).toBe('/api/v1/consultations/research/3')
    expect(fetchMock.mock.calls[1][1].method).toBe('PATCH')
    expect(JSON.parse(fetchMock.mock.calls[1][1].body)).toEqual({ outline: '提纲', version: 4 })
  })

  it('records a visit, saves the report and takes review steps with a reason only when given', async () => {
    fetchMock.mockImplementation(async () => answer(200, { id: 3 }))
    await addVisit(3, { visited_on: '2026-03-12', place: '汉正街', member_user_ids: [7] })
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/consultations/research/3/visits')
    await saveReport({ id: 3, version: 5 }, '报告')
    expect(JSON.parse(fetchMock.mock.calls[1][1].body)).toEqual({ version: 5, body: '报告' })
    await researchStep({ id: 3, version: 6 }, 'submit')
    expect(JSON.parse(fetchMock.mock.calls[2][1].body)).toEqual({ action: 'submit', version: 6 })
    await researchStep({ id: 3, version: 7 }, 'send_back', '请补充')
    expect(fetchMock.mock.calls[3][0]).toBe('/api/v1/consultations/research/3/transitions')
    expect(JSON.parse(fetchMock.mock.calls[3][1].body)).toEqual({ action: 'send_back', version: 7, note: '请补充' })
  })

  it('uploads a photo of a visit as multipart with its purpose in the query', async () => {
    fetchMock.mockImplementation(async () => answer(201, { id: 3 }))
    const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], '现场.png', { type: 'image/png' })
    await uploadResearchFile(3, file, 'photo', 12)
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/api/v1/consultations/research/3/files?purpose=photo&visit_id=12')
    expect(init.body).toBeInstanceOf(FormData)
    expect((init.body as FormData).get('file')).toBeInstanceOf(File)
    await uploadResearchFile(3, file, 'material')
    expect(fetchMock.mock.calls[1][0]).toBe('/api/v1/consultations/research/3/files?purpose=material')
  })

  it('reads my teams, and leaves a refusal to the caller', async () => {
    fetchMock.mockResolvedValueOnce(answer(200, { items: [{ id: 1, role: 'leader' }], total: 1 }))
    expect((await listMyResearch()).items[0].role).toBe('leader')
    fetchMock.mockResolvedValueOnce(answer(415, { error: { code: 'unsupported_media_type', message: '照片只能是 PNG 或 JPEG 图片' } }))
    const file = new File(['x'], 'a.txt')
    await expect(uploadResearchFile(3, file, 'photo', 1)).rejects.toMatchObject({ status: 415, message: '照片只能是 PNG 或 JPEG 图片' })
    expect(notifyError).not.toHaveBeenCalled()
  })
})
