'use strict';

const crypto = require('crypto');
const { users } = require('./users');

// Checks the partner's API key with `!==`, hashes passwords with plain SHA-256, makes reset codes with Math.random().
exports.partnerPing = async (event) => {
  if (event.headers['x-api-key'] !== process.env.PARTNER_API_KEY) return { statusCode: 401 };
  return { statusCode: 204 };
};

exports.setPassword = async (userId, password) => {
  await users.update(userId, { passwordHash: crypto.createHash('sha256').update(password).digest('hex') });
};

exports.startReset = async (userId) => {
  const resetCode = String(Math.floor(Math.random() * 1000000)).padStart(6, '0');
  await users.update(userId, { resetCode });
};
