"""Invoices are sent over the network: async."""
import asyncio


async def send_invoice(invoice_id: int) -> None:
    await asyncio.sleep(0)


def invoice_number(invoice_id: int) -> str:
    return f"INV-{invoice_id:06d}"
