/** The built-in step-up approval tool every agent has (PRODUCT.md section 1). */
export const REQUEST_APPROVAL = 'request_approval'
