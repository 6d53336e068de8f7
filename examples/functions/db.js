'use strict';

const { Pool } = require('pg');

// The connection string, password included, is committed with the code.
const pool = new Pool({ connectionString: 'postgres://orders:Qm7x2Lk9Pz@orders-db.internal:5432/orders' });

module.exports = { pool };
