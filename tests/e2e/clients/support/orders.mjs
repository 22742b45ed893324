// The shop every client scenario models (the data is in orders.json, shared with the Python
// scenarios): customers' orders, read by customer (the table's key: customerId, orderId) and by
// status (the global secondary index "byStatus": status, createdAt), with a NEW_AND_OLD_IMAGES
// stream. Each client writes the same history in its own idiom:
//   1. put the eight orders;
//   2. a conditional create of alice/o01 again fails (attribute_not_exists);
//   3. alice/o01 is cancelled on condition that it is PENDING; a second cancel fails;
//   4. a transaction ships alice/o03 (if PENDING) and creates bob/o02 (newOrder); a second
//      transaction, whose condition check on alice/o01 fails, changes nothing;
//   5. alice's orders are queried three at a time, SHIPPED orders through the index two at a time;
//   6. bob/o01 is deleted;
// and the stream then holds exactly the records in `expectedEvents` (each item's in that order).
import shop from "./orders.json" with { type: "json" };

export const { orders, newOrder, aliceOrderIds, shippedOrderIds, expectedEvents } = shop;
export const expectedRecordCount = Object.values(expectedEvents).flat().length;
export const orderKey = (o) => `${o.customerId}/${o.orderId}`;
// The table as a CreateTable request, for the clients that do not create tables themselves.
export const createOrdersTable = (TableName) => ({ TableName, ...structuredClone(shop.createTable) });
