export { gradeAttempt, type GraderVerdict, type JudgeVerdict } from './grade-attempt.js'
export { formatCall } from './format-call.js'
