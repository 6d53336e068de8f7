'use strict';

// Computes a report total from a formula the caller sends. The formula is evaluated as code.
exports.handler = async (event) => {
  const { formula } = JSON.parse(event.body);
  const total = eval(formula);
  return { statusCode: 200, body: JSON.stringify({ total }) };
};
