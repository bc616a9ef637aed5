export { gradeAttempt, type JudgeVerdict } from './grade-attempt.js'
export { formatCall } from './format-call.js'
