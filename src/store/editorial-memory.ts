/**
 * The editorial records kept in memory, filtered as the SQL stores filter them: the fake store of
 * the portal tests uses it, and it states the contract the conformance suite checks.
 */
import { editorialText, type AuditEntry, type EditorialFilter, type InterpretationRecord, type QaEntry } from './editorial.js';

export class EditorialMemory {
  private readonly interpretations = new Map<string, InterpretationRecord>();
  private readonly qa = new Map<string, QaEntry>();
  private readonly audit: AuditEntry[] = [];

  async saveInterpretation(r: InterpretationRecord): Promise<void> {
    this.interpretations.set(r.id, structuredClone(r));
  }
  async getInterpretation(id: string): Promise<InterpretationRecord | null> {
    return structuredClone(this.interpretations.get(id) ?? null);
  }
  async listInterpretations(f?: EditorialFilter): Promise<InterpretationRecord[]> {
    return filterRecords([...this.interpretations.values()], f);
  }
  async saveQa(e: QaEntry): Promise<void> {
    this.qa.set(e.id, structuredClone(e));
  }
  async getQa(id: string): Promise<QaEntry | null> {
    return structuredClone(this.qa.get(id) ?? null);
  }
  async listQa(f?: EditorialFilter): Promise<QaEntry[]> {
    return filterRecords([...this.qa.values()], f);
  }
  async appendAudit(e: AuditEntry): Promise<void> {
    this.audit.push(structuredClone(e));
  }
  async listAudit(limit = 100): Promise<AuditEntry[]> {
    return structuredClone(this.audit.slice(-limit).reverse());
  }
}

function filterRecords<T extends InterpretationRecord | QaEntry>(rows: T[], f: EditorialFilter = {}): T[] {
  const statuses = f.status === undefined ? null : Array.isArray(f.status) ? f.status : [f.status];
  return structuredClone(
    rows
      .filter((r) => f.documentId === undefined || r.documentIds.includes(f.documentId))
      .filter((r) => statuses === null || statuses.includes(r.status))
      .filter((r) => !f.q || editorialText(r).toLowerCase().includes(f.q.toLowerCase()))
      .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  );
}
