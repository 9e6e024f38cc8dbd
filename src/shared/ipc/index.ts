export * from './bridge'
export * from './contract'
export * from './errors'
export * from './schemas'
