/**
 * A file writer for Allure results without allure-js-commons' per-file fsync: results are a throw-away
 * intermediate (rebuilt by every run), and an fsync per result and per attachment makes large runs many times
 * slower. Files are still written to a temporary name and renamed, so a reader never sees half a file.
 */
import { copyFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringifyEnvInfo } from 'allure-js-commons/sdk/reporter';

type Writer = import('allure-js-commons/sdk/reporter').FileSystemWriter;

export class UnsyncedFileWriter implements Pick<Writer, keyof Writer> {
  readonly #dir: string;
  #made = false;
  #seq = 0;

  constructor(resultsDir: string) {
    this.#dir = resultsDir;
  }

  writeAttachment(name: string, content: Buffer): void {
    this.#write(name, content);
  }

  writeAttachmentFromPath(name: string, from: string): void {
    const tmp = this.#tmp();
    copyFileSync(from, tmp);
    renameSync(tmp, this.#path(name));
  }

  writeEnvironmentInfo(info: Parameters<Writer['writeEnvironmentInfo']>[0]): void {
    this.#write('environment.properties', stringifyEnvInfo(info));
  }

  writeCategoriesDefinitions(categories: Parameters<Writer['writeCategoriesDefinitions']>[0]): void {
    this.#write('categories.json', JSON.stringify(categories));
  }

  writeGroup(result: Parameters<Writer['writeGroup']>[0]): void {
    this.#write(`${result.uuid}-container.json`, JSON.stringify(result));
  }

  writeResult(result: Parameters<Writer['writeResult']>[0]): void {
    this.#write(`${result.uuid}-result.json`, JSON.stringify(result));
  }

  writeGlobals(name: string, info: Parameters<Writer['writeGlobals']>[1]): void {
    this.#write(name, JSON.stringify(info));
  }

  #write(name: string, data: string | Buffer): void {
    const tmp = this.#tmp();
    writeFileSync(tmp, data);
    renameSync(tmp, this.#path(name));
  }

  #path(name: string): string {
    if (!this.#made) {
      mkdirSync(this.#dir, { recursive: true });
      this.#made = true;
    }
    return join(this.#dir, name);
  }

  #tmp(): string {
    return this.#path(`.soapcheck-write-${process.pid}-${this.#seq++}.tmp`);
  }
}
