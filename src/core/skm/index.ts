export * from './answers';
export * from './compute';
export * from './follow-up';
export * from './sample';
export * from './scheme';
export * from './types';
