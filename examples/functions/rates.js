'use strict';

// Converts an order total with a partner's exchange rates, fetched over plain HTTP.
const RATES_API = 'http://rates.partner-bank.com/v2';

module.exports.convert = async () => {
  const response = await fetch(`${RATES_API}/eur`, { headers: { 'x-api-key': process.env.RATES_KEY } });
  const { rate } = await response.json();
  return { statusCode: 200, body: JSON.stringify({ rate }) };
};
