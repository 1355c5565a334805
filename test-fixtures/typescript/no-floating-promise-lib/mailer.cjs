/** Support module (CommonJS): `module.exports` with an async function and a sync one. */
async function sendMail(to, body) {
  return { to, body };
}

function formatMail(order) {
  return `Order ${order.id}`;
}

module.exports = { sendMail, formatMail };
