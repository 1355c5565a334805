"""Nightly jobs, importing from the package under src/ (absolute and relative)."""
import asyncio

from billing.invoices import invoice_number, send_invoice

from .invoices import send_invoice as send_again


async def nightly(invoice_ids: list[int]) -> None:
    for invoice_id in invoice_ids:
        invoice_number(invoice_id)
        send_invoice(invoice_id)  # expect: no-unawaited-coroutine
        await send_invoice(invoice_id)
    send_again(0)  # expect: no-unawaited-coroutine
    await asyncio.gather(*(send_invoice(i) for i in invoice_ids[:10]))
