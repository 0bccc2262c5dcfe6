import { Migration } from '@mikro-orm/migrations';

/** Slow on purpose: two processes starting together overlap inside it unless one waits. */
export class Migration20260101000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('select pg_sleep(0.5);');
    this.addSql('create table "kit_migrate"."thing" ("id" int primary key);');
  }
}
