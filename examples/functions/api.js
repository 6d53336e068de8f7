'use strict';

// An Express app run on Lambda through serverless-http: every route is a handler.
const express = require('express');
const serverless = require('serverless-http');

const app = express();
app.use(express.json());

app.get('/products', async (req, res) => {
  const rows = await db.query(`SELECT * FROM products WHERE category = '${req.query.category}'`);
  res.json(rows);
});

app.post('/products', async (req, res) => {
  try {
    res.status(201).json(await db.insert('products', req.body));
  } catch (err) {
    res.status(500).json({ error: err.message });
  }
});

module.exports.handler = serverless(app);
