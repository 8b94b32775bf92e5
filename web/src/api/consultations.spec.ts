import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { configureClient } from './client'
import {
  addFollowItem,
  closeFollowItem,
  createOutcome,
  createTopic,
  groupByKind,
  isFinalState,
  listFollowItems,
  listLeaders,
  listTopicMeetings,
  outcomeStep,
  listTopics,
  phaseProgress,
  planProgress,
  planStep,
  recordFollowProgress,
  recordInstruction,
  topicPhases,
  topicStep,
  updateOutcome,
  type ConsultationWorkflow,
} from './consultations'

// What GET /consultations/workflow answers (server/src/modules/consultations/workflow.cpp).
const WF: ConsultationWorkflow = {
  plan: {
    states: [
      { name: 'drafting', label: '起草中' },
      { name: 'chair_review', label: '主席会议审议中' },
      { name: 'party_review', label: '报区委审定中' },
      { name: 'published', label: '已印发' },
    ],
    actions: [],
    transitions: [
      { from: 'drafting', action: 'submit_to_chair', to: 'chair_review', needs_doc_number: false },
      { from: 'chair_review', action: 'submit_to_party', to: 'party_review', needs_doc_number: false },
      { from: 'party_review', action: 'publish', to: 'published', needs_doc_number: true },
      { from: 'chair_review', action: 'return_to_draft', to: 'drafting', needs_doc_number: false },
    ],
  },
  topic: {
    states: [
      { name: 'proposed', label: '待审批' },
      { name: 'planned', label: '已列入计划' },
      { name: 'researching', label: '调研中' },
      { name: 'consulted', label: '已协商' },
      { name: 'dropped', label: '未列入计划' },
    ],
    actions: [],
    actors: [],
    transitions: [
      { from: 'proposed', action: 'approve', actor: 'leader', guard: 'none', to: 'planned' },
      { from: 'proposed', action: 'reject', actor: 'leader', guard: 'none', to: 'dropped' },
      { from: 'planned', action: 'start_research', actor: 'office', guard: 'none', to: 'researching' },
      { from: 'planned', action: 'record_consultation', actor: 'office', guard: 'none', to: 'consulted' },
      { from: 'researching', action: 'record_consultation', actor: 'office', guard: 'none', to: 'consulted' },
    ],
    postponable_states: ['planned', 'researching'],
    in_plan_states: ['planned', 'researching', 'consulted'],
  },
  kinds: [
    { name: 'thematic', label: '专题协商' },
    { name: 'counterpart', label: '对口协商' },
    { name: 'sector', label: '界别协商' },
    { name: 'proposal_handling', label: '提案办理协商' },
  ],
  forms: [],
}

describe('reading the consultation workflow', () => {
  it("lays a topic's phases out from the workflow, leaving out the states off the path", () => {
    expect(topicPhases(WF).map((s) => s.name)).toEqual(['proposed', 'planned', 'researching', 'consulted'])
  })

  it('places a topic on its phases; a final state completes them, a dropped one marks where it left', () => {
    expect(phaseProgress(WF, 'proposed')).toEqual({ active: 0, off: false })
    expect(phaseProgress(WF, 'researching')).toEqual({ active: 2, off: false })
    expect(isFinalState(WF, 'consulted')).toBe(true)
    expect(phaseProgress(WF, 'consulted')).toEqual({ active: 4, off: false })
    expect(phaseProgress(WF, 'dropped', [{ from: '', to: 'proposed' }, { from: 'proposed', to: 'dropped' }])).toEqual({ active: 0, off: true })
  })

  it("places a plan on its path; a published plan has every step done", () => {
    expect(planProgress(WF, 'drafting')).toBe(0)
    expect(planProgress(WF, 'party_review')).toBe(2)
    expect(planProgress(WF, 'published')).toBe(4)
  })

  it('groups topics by kind in the order of the kinds, leaving out empty kinds', () => {
    const topics = [
      { id: 1, kind: 'counterpart' },
      { id: 2, kind: 'thematic' },
      { id: 3, kind: 'counterpart' },
    ]
    const groups = groupByKind(WF.kinds, topics)
    expect(groups.map((g) => [g.kind.name, g.topics.map((t) => t.id)])).toEqual([
      ['thematic', [2]],
      ['counterpart', [1, 3]],
    ])
  })
})

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

describe('consultation requests', () => {
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

  it('asks for my topics with mine=1 and leaves empty filters out', async () => {
    fetchMock.mockImplementation(async () => answer(200, { items: [], total: 0 }))
    await listTopics({ mine: true, kind: '', q: '营商' })
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/consultations/topics?q=%E8%90%A5%E5%95%86&mine=1')
    await listTopics({ plan_id: 4 })
    expect(fetchMock.mock.calls[1][0]).toBe('/api/v1/consultations/topics?plan_id=4')
  })

  it('sends a plan step without empty fields (a blank 文号 or note is no field)', async () => {
    fetchMock.mockResolvedValue(answer(200, { id: 4 }))
    await planStep(4, { action: 'submit_to_chair', version: 2, acted_on: '2030-01-10', doc_number: '', note: '' })
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/api/v1/consultations/plans/4/steps')
    expect(init.method).toBe('POST')
    expect(JSON.parse(init.body)).toEqual({ action: 'submit_to_chair', version: 2, acted_on: '2030-01-10' })
  })

  it('sends held_on only with the action that records it', async () => {
    fetchMock.mockImplementation(async () => answer(200, { id: 9 }))
    await topicStep(9, { action: 'start_research', version: 3, note: '', held_on: undefined })
    expect(JSON.parse(fetchMock.mock.calls[0][1].body)).toEqual({ action: 'start_research', version: 3 })
    await topicStep(9, { action: 'record_consultation', version: 4, held_on: '2030-05-20' })
    expect(JSON.parse(fetchMock.mock.calls[1][1].body)).toEqual({ action: 'record_consultation', version: 4, held_on: '2030-05-20' })
  })

  it('leaves showing field errors of a topic to the form', async () => {
    fetchMock.mockResolvedValue(answer(400, { error: { code: 'validation_failed', message: '议题信息有误', fields: { special_committee_id: '对口协商需指定牵头专委会' } } }))
    await expect(createTopic({ plan_id: 1, kind: 'counterpart', title: 'x', planned_month: 5, form: 'meeting' })).rejects.toMatchObject({
      status: 400,
      fields: { special_committee_id: '对口协商需指定牵头专委会' },
    })
    expect(notifyError).not.toHaveBeenCalled()
  })

  it("lists a topic's meetings, and answers null when the meetings module is not there", async () => {
    fetchMock.mockResolvedValueOnce(answer(200, { items: [{ id: 1, title: '座谈会' }], total: 1 }))
    expect(await listTopicMeetings(7)).toEqual([{ id: 1, title: '座谈会' }])
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/meetings?subject_type=consultation_topic&subject_id=7&page_size=100')
    fetchMock.mockResolvedValueOnce(answer(404, { error: { code: 'not_found', message: '没有这个接口' } }))
    expect(await listTopicMeetings(7)).toBeNull()
    expect(notifyError).not.toHaveBeenCalled()
  })
})

describe('outcome and follow-through requests', () => {
  const fetchMock = vi.fn()
  beforeEach(() => {
    configureClient({ csrfToken: () => 'tok', notifyError: vi.fn(), onUnauthorized: vi.fn(), onPasswordChangeRequired: vi.fn() })
    vi.stubGlobal('fetch', fetchMock)
    fetchMock.mockImplementation(async () => answer(200, { id: 7, outcomes: [] }))
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.clearAllMocks()
  })
  const call = (i: number) => ({ url: fetchMock.mock.calls[i][0], method: fetchMock.mock.calls[i][1].method, body: JSON.parse(fetchMock.mock.calls[i][1].body ?? 'null') })

  it('drafts, edits and steps an outcome, sending only the fields a step takes', async () => {
    await createOutcome(7, { kind: 'opinions', title: '意见建议', body: '一、' })
    expect(call(0)).toEqual({ url: '/api/v1/consultations/topics/7/outcomes', method: 'POST', body: { kind: 'opinions', title: '意见建议', body: '一、' } })
    await updateOutcome(3, { version: 2, title: '改' })
    expect(call(1)).toEqual({ url: '/api/v1/consultations/outcomes/3', method: 'PATCH', body: { version: 2, title: '改' } })
    await outcomeStep(3, { action: 'send', version: 4, note: '', sent_on: '2030-07-01', sent_to: '区委、区政府' })
    expect(call(2)).toEqual({ url: '/api/v1/consultations/outcomes/3/transitions', method: 'POST', body: { action: 'send', version: 4, sent_on: '2030-07-01', sent_to: '区委、区政府' } })
    await outcomeStep(3, { action: 'record_adoption', version: 5, adoption: 'partly' })
    expect(call(3).body).toEqual({ action: 'record_adoption', version: 5, adoption: 'partly' })
  })

  it('records instructions and follow-through items, their progress and their close', async () => {
    await recordInstruction(3, { leader_name: '李明', leader_title: '区委书记', instructed_on: '2030-07-05', text: '请落实', unit_ids: [8] })
    expect(call(0).url).toBe('/api/v1/consultations/outcomes/3/instructions')
    expect(call(0).body.unit_ids).toEqual([8])
    await addFollowItem(3, { unit_id: 8, title: '清单', due_on: '2030-08-01', instruction_id: null })
    expect(call(1)).toEqual({ url: '/api/v1/consultations/outcomes/3/follow-items', method: 'POST', body: { unit_id: 8, title: '清单', due_on: '2030-08-01' } })
    await recordFollowProgress(11, '已起草')
    expect(call(2)).toEqual({ url: '/api/v1/consultations/follow-items/11/progress', method: 'POST', body: { note: '已起草' } })
    await closeFollowItem(11, '已印发')
    expect(call(3)).toEqual({ url: '/api/v1/consultations/follow-items/11/close', method: 'POST', body: { result: '已印发' } })
  })

  it('lists follow-through items with their filters, and the leaders', async () => {
    fetchMock.mockImplementation(async () => answer(200, { items: [], total: 0 }))
    await listFollowItems({ mine: true, state: 'open' })
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/consultations/follow-items?state=open&mine=1')
    await listFollowItems({ late: true, state: '' })
    expect(fetchMock.mock.calls[1][0]).toBe('/api/v1/consultations/follow-items?late=1')
    await listLeaders()
    expect(fetchMock.mock.calls[2][0]).toBe('/api/v1/consultations/leaders')
  })

  it("takes a topic's phases from the workflow when it names them", () => {
    const wf = { ...WF, topic: { ...WF.topic, phases: ['planned', 'consulted'] } }
    expect(topicPhases(wf).map((p) => p.label)).toEqual(['已列入计划', '已协商'])
  })
})
