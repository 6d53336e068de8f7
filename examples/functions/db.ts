import { Pool } from 'pg';

// Created once per container and reused: configuration only, no per-request data.
const pool = new Pool({ connectionString: process.env.DATABASE_URL });

export async function query(sql: string, values: unknown[]): Promise<unknown[]> {
  const result = await pool.query(sql, values);
  return result.rows;
}
