using Cotravail.Web.Common;

namespace Cotravail.Tests.Common;

public sealed class BankAccountTests
{
    [Theory]
    [InlineData("FR76 3000 1000 6400 0001 2345 618", "FR7630001000640000012345618")]
    [InlineData("fr7630004000031234567890143", "FR7630004000031234567890143")]
    [InlineData("DE89 3704 0044 0532 0130 00", "DE89370400440532013000")]
    [InlineData("GB82WEST12345698765432", "GB82WEST12345698765432")]
    public void A_right_iban_is_kept_without_spaces_in_capitals(string typed, string kept) =>
        Assert.Equal(kept, BankAccount.NormalIban(typed));

    [Theory]
    [InlineData("FR76 3000 1000 6400 0001 2345 619")] // last digit changed
    [InlineData("FR67 3000 1000 6400 0001 2345 618")] // check digits swapped
    [InlineData("FR76 3000 1000 6400 0001 2345 61")] // a French IBAN has 27 characters
    [InlineData("7630001000640000012345618")]
    [InlineData("FR76-3000-1000")]
    public void A_wrong_iban_is_refused(string typed) => Assert.Null(BankAccount.NormalIban(typed));

    [Fact]
    public void An_iban_reads_in_groups_of_four() =>
        Assert.Equal("FR76 3000 1000 6400 0001 2345 618", BankAccount.Grouped("FR7630001000640000012345618"));

    [Theory]
    [InlineData("bdfefrppcct", "BDFEFRPPCCT")]
    [InlineData("BNPAFRPP", "BNPAFRPP")]
    [InlineData("BNPA FR PP", "BNPAFRPP")]
    public void A_bic_has_8_or_11_characters(string typed, string kept) => Assert.Equal(kept, BankAccount.NormalBic(typed));

    [Theory]
    [InlineData("BNPAFR")]
    [InlineData("1NPAFRPP")]
    [InlineData("BNPAFRPPXX")]
    public void A_wrong_bic_is_refused(string typed) => Assert.Null(BankAccount.NormalBic(typed));
}
