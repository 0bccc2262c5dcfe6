import { Migration } from '@mikro-orm/migrations';

export class Migration20261202093002 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "accounts"."profile" add column "avatar_media_id" uuid null, add column "avatar_changed_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "accounts"."profile" drop column "avatar_media_id", drop column "avatar_changed_at";`);
  }

}
