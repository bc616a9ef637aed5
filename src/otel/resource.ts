// Who sent the spans: service.name evalgate, its version, and one id per run (service.instance.id)
// that groups the traces of a run's attempts. OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES, the
// standard variables, add to it or override it.
import { randomUUID } from 'node:crypto'
import {
  defaultResource,
  detectResources,
  envDetector,
  resourceFromAttributes,
  type Resource
} from '@opentelemetry/resources'
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions'
import packageJson from '../../package.json' with { type: 'json' }

export const SERVICE_NAME = 'evalgate'
export const SERVICE_VERSION = packageJson.version
// Not yet stable in @opentelemetry/semantic-conventions.
const ATTR_SERVICE_INSTANCE_ID = 'service.instance.id'

export function evalgateResource(): Resource {
  return defaultResource()
    .merge(
      resourceFromAttributes({
        [ATTR_SERVICE_NAME]: SERVICE_NAME,
        [ATTR_SERVICE_VERSION]: SERVICE_VERSION,
        [ATTR_SERVICE_INSTANCE_ID]: randomUUID()
      })
    )
    .merge(detectResources({ detectors: [envDetector] }))
}
