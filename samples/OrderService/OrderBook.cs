using System.Collections.Concurrent;
using System.Threading;

namespace OrderService;

/// <summary>An order as the API returns it.</summary>
public sealed record Order(int Id, string Product, int Quantity, string Customer);

/// <summary>What a client posts to place an order.</summary>
public sealed record NewOrder(string Product, int Quantity);

/// <summary>The orders placed since the service started (in memory: the sample is about the sidecars).</summary>
public sealed class OrderBook
{
    private readonly ConcurrentDictionary<int, Order> orders = new();
    private int lastId;

    public IEnumerable<Order> All() => orders.Values.OrderBy(order => order.Id);

    public Order? Find(int id) => orders.GetValueOrDefault(id);

    public Order Place(NewOrder request, string customer)
    {
        var order = new Order(Interlocked.Increment(ref lastId), request.Product, request.Quantity, customer.Length > 0 ? customer : "anonymous");
        orders[order.Id] = order;
        return order;
    }
}
