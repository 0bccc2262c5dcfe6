import { Migration } from '@mikro-orm/migrations';

export class Migration20261202103332 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "message_owner_id_status_index" on "ai"."message" ("owner_id", "status");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "ai"."message_owner_id_status_index";`);
  }

}
