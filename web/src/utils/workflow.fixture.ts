// For tests: a `GET /proposals/workflow` answer shaped as the server sends it (states with
// their phase, the state sets, upload rules, notices), the pages' only source of state lists.
import type { ProposalState, Workflow, WorkflowPhase } from '@/api/proposals'

const PHASES: [ProposalState, string, WorkflowPhase][] = [
  ['draft', '草稿', 'drafts'],
  ['awaiting_cosign', '待联名确认', 'submitted'],
  ['submitted', '已提交', 'submitted'],
  ['returned', '退回修改', 'drafts'],
  ['filed', '已立案', 'submitted'],
  ['not_filed', '不予立案', 'closed'],
  ['merged', '已并案', 'closed'],
  ['assigned', '已交办', 'handling'],
  ['in_handling', '办理中', 'handling'],
  ['reply_unit_review', '答复待单位审核', 'handling'],
  ['reply_cppcc_review', '答复待政协审核', 'handling'],
  ['replied', '已答复', 'replied'],
  ['feedback_received', '已反馈', 'replied'],
  ['second_handling', '二次办理', 'handling'],
  ['closed', '已办结', 'closed'],
]

export const WORKFLOW: Workflow = {
  states: PHASES.map(([name, label, phase]) => ({ name, label, phase })),
  actions: [{ name: 'submit', label: '提交' }],
  transitions: [{ from: 'draft', action: 'submit', actor: 'proposer', guard: 'none', to: 'submitted', deadline: 'none' }],
  sets: {
    editable: ['draft', 'returned'],
    handling: ['assigned', 'in_handling', 'reply_unit_review', 'reply_cppcc_review', 'second_handling'],
    overdue: ['assigned', 'in_handling', 'reply_unit_review', 'second_handling'],
    merge_target: ['submitted', 'filed'],
  },
  uploads: [
    { purpose: 'proposal', actors: ['proposer'], states: ['draft', 'returned'] },
    { purpose: 'reply', actors: ['lead_unit_staff', 'co_unit_staff'], states: ['in_handling', 'second_handling'] },
  ],
  notify: [{ action: 'submit', recipients: ['cosigners'] }],
}
