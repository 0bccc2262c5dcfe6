import { Migration } from '@mikro-orm/migrations';

export class Migration20261202211857 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "accounts"."business_context" add column "logo_media_id" uuid null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "accounts"."business_context" drop column "logo_media_id";`);
  }

}
