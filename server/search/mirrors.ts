/**
 * Every agent's mirror in this process, under one memory budget: when the mirrors together
 * hold more than the budget, the least recently used agents are dropped (never the one being
 * used). Nothing here outlives the process; a cold replica walks again.
 */
import { metrics } from '../metrics.ts';
import { AgentMirror } from './agent-mirror.ts';
import type { UpstreamGet } from './upstream.ts';

export interface MirrorsOptions {
  get: UpstreamGet;
  budgetBytes: number;
  /** Pages in flight per walk. */
  concurrency?: number;
  now?: () => number;
}

export class Mirrors {
  private readonly agents = new Map<string, AgentMirror>();
  private readonly now: () => number;

  constructor(private readonly options: MirrorsOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The agent's mirror, created (empty) on first use and marked as just used. */
  for(agentId: string): AgentMirror {
    let mirror = this.agents.get(agentId);
    if (!mirror) {
      mirror = new AgentMirror(agentId, this.options.get, this.options.concurrency, () =>
        this.evict(agentId),
      );
      this.agents.set(agentId, mirror);
    }
    mirror.lastUsed = this.now();
    return mirror;
  }

  has(agentId: string): boolean {
    return this.agents.has(agentId);
  }

  get bytes(): number {
    let total = 0;
    for (const mirror of this.agents.values()) total += mirror.size;
    return total;
  }

  /** Drops least recently used agents (other than `keep`) until within the budget. */
  evict(keep: string): void {
    if (this.bytes > this.options.budgetBytes) {
      const byAge = [...this.agents.values()]
        .filter((mirror) => mirror.agentId !== keep)
        .sort((a, b) => a.lastUsed - b.lastUsed);
      for (const mirror of byAge) {
        if (this.bytes <= this.options.budgetBytes) break;
        this.agents.delete(mirror.agentId);
      }
    }
    metrics.searchMirrorBytes.set(this.bytes);
  }
}
