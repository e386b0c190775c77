import { EntitySchema } from 'typeorm';

export interface AdminUserRow {
  id: string;
  businessId: string;
  email: string;
  passwordHash: string;
  role: 'admin' | 'front_desk';
  createdAt: Date;
}

export const AdminUserEntity = new EntitySchema<AdminUserRow>({
  name: 'AdminUser',
  tableName: 'admin_user',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    businessId: { type: 'uuid', name: 'business_id' },
    email: { type: 'text', unique: true },
    passwordHash: { type: 'text', name: 'password_hash' },
    role: { type: 'text' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});
