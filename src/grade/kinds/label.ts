// `label`: the answer's label must be this one.
import { text } from '../../model/schema-common.js'
import { formatValue } from '../format-call.js'
import { expectationKind, failed, passed } from './kind.js'

export const label = expectationKind({
  key: 'label',
  shape: { label: text.optional().describe('The outcome label the agent must return.') },
  causes: { wrong_label: 'wrong label' },
  check({ label }, { answer }) {
    if (answer.label === label) return passed('label')
    const given = answer.label === undefined ? 'agent gave no label' : `agent answered ${formatValue(answer.label)}`
    return failed('label', `expected label ${formatValue(label)} but ${given}`, 'wrong_label')
  },
  failing: [{ expected: { label: 'refund_approved' }, run: { answer: { label: 'refund_denied' } } }]
})
