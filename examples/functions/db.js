'use strict';

const { Pool } = require('pg');

// The connection string, password included, is committed with the code.
const pool = new Pool({ connectionString: 'postgres://orders:Qm7x2Lk9Pz@orders-db.internal:5432/orders' });
// So is the reporting replica's password: short, but still the password.
const replica = new Pool({ host: 'orders-replica.internal', user: 'reporting', password: 'reports1' });

module.exports = { pool, replica };
