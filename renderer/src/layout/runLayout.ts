// Runs ELK in a Web Worker (elkjs's own worker script), so a large flow never blocks the canvas.
// Created on first use: auto-layout runs only on request.
import ELK from 'elkjs/lib/elk-api';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { ElkGraph, ElkNode } from './elkGraph';

let elk: InstanceType<typeof ELK> | null = null;

export async function runLayout(graph: ElkGraph): Promise<{ children?: ElkNode[] }> {
  elk ??= new ELK({ workerFactory: () => new Worker(elkWorkerUrl) });
  return (await elk.layout(graph)) as { children?: ElkNode[] };
}
