import { Migration } from '@mikro-orm/migrations';

export class Migration20261202172216 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "ai"."message" add column "cancel_requested_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "ai"."message" drop column "cancel_requested_at";`);
  }

}
