using Cotravail.Web.Features.Booking;
using Npgsql;

namespace Cotravail.Tests.Booking;

/// <summary>The PostgreSQL booking statements name their parameters once: the text and the values follow one order.</summary>
public sealed class BookingStatementTests
{
    private static readonly Cotravail.Web.Features.Booking.IBookingCover Cover = new Cotravail.Web.Features.Billing.Entitlements.BookingCover(null!, TimeProvider.System);

    [Fact]
    public void Names_in_the_text_become_the_positions_of_the_order_and_values_are_added_in_it()
    {
        var statement = new BookingStatement("SELECT {Date}, {UserId}, {Date}", BookingParameter.UserId, BookingParameter.Date);
        Assert.Equal("SELECT $2, $1, $2", statement.Sql);

        using var command = new NpgsqlCommand();
        statement.AddParameters(command.Parameters, name => new NpgsqlParameter<string> { TypedValue = name.ToString() });
        Assert.Equal(["UserId", "Date"], command.Parameters.Select(p => (string)p.Value!));
        Assert.Throws<InvalidOperationException>(() => statement.AddParameters(command.Parameters, _ => new NpgsqlParameter()));
    }

    [Theory]
    [InlineData("SELECT {Date}, {UserId}", "Date")]       // a name the order lacks
    [InlineData("SELECT {Dat}", "Date")]                  // not a name at all
    [InlineData("SELECT {Date}", "Date", "Slots")]        // listed, never used
    [InlineData("SELECT {Date}", "Date", "Date")]         // listed twice
    public void A_statement_whose_text_and_order_disagree_is_refused_when_built(string template, params string[] order) =>
        Assert.Throws<ArgumentException>(() => new BookingStatement(template, [.. order.Select(Enum.Parse<BookingParameter>)]));

    [Fact]
    public void The_booking_statements_use_every_position_they_list_and_nothing_else()
    {
        foreach (var statement in new[] { PostgresBookingInsert.Insert, PostgresBookingInsert.Desk(Cover) })
        {
            Assert.DoesNotContain("{", statement.Sql.Replace("'{}'", "", StringComparison.Ordinal), StringComparison.Ordinal);
            for (var position = 1; position <= statement.Order.Count; position++)
            {
                Assert.Matches($@"\${position}(?!\d)", statement.Sql);
            }
            Assert.DoesNotMatch($@"\${statement.Order.Count + 1}(?!\d)", statement.Sql);
        }
        // The booking's own values come first, in the same order, in both.
        Assert.Equal(PostgresBookingInsert.Insert.Order.Take(14), PostgresBookingInsert.Desk(Cover).Order.Take(14));
        Assert.Equal(BookingParameter.Slots, PostgresBookingInsert.Insert.Order[^1]);
        Assert.Equal(20, PostgresBookingInsert.Desk(Cover).Order.Count);
    }
}
