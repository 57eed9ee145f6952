export * from './document';
export * from './compiled';
