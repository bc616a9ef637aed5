// The OpenTelemetry GenAI semantic conventions evalgate's spans use. They are still incubating, so
// they are copied here, as @opentelemetry/semantic-conventions advises, rather than imported from
// its `incubating` entry point, whose minor versions may rename them.
// https://opentelemetry.io/docs/specs/semconv/gen-ai/gen-ai-spans/

export const ATTR_GEN_AI_OPERATION_NAME = 'gen_ai.operation.name'
export const ATTR_GEN_AI_PROVIDER_NAME = 'gen_ai.provider.name'
/** Deprecated for gen_ai.provider.name, which many backends do not read yet. */
export const ATTR_GEN_AI_SYSTEM = 'gen_ai.system'
export const ATTR_GEN_AI_REQUEST_MODEL = 'gen_ai.request.model'
export const ATTR_GEN_AI_RESPONSE_MODEL = 'gen_ai.response.model'
export const ATTR_GEN_AI_USAGE_INPUT_TOKENS = 'gen_ai.usage.input_tokens'
export const ATTR_GEN_AI_USAGE_OUTPUT_TOKENS = 'gen_ai.usage.output_tokens'
export const ATTR_GEN_AI_TOOL_NAME = 'gen_ai.tool.name'
export const ATTR_GEN_AI_TOOL_TYPE = 'gen_ai.tool.type'
export const ATTR_GEN_AI_TOOL_CALL_ARGUMENTS = 'gen_ai.tool.call.arguments'
export const ATTR_GEN_AI_TOOL_CALL_RESULT = 'gen_ai.tool.call.result'

export const GEN_AI_OPERATION_CHAT = 'chat'
export const GEN_AI_OPERATION_EXECUTE_TOOL = 'execute_tool'
export const GEN_AI_PROVIDER_OPENAI = 'openai'

// OpenInference (Arize Phoenix; Langfuse reads them too): the kind of a span, its input and output.
export const ATTR_OPENINFERENCE_SPAN_KIND = 'openinference.span.kind'
export const ATTR_INPUT_VALUE = 'input.value'
export const ATTR_OUTPUT_VALUE = 'output.value'
