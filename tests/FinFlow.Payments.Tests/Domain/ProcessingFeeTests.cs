using FinFlow.Payments.Processing;
using Xunit;

namespace FinFlow.Payments.Tests.Domain;

public class ProcessingFeeTests
{
    [Theory]
    [InlineData(10000, 2, 320)] // 100.00 USD: 2.90 + 0.30
    [InlineData(1000, 2, 59)] // 10.00: 0.29 + 0.30
    [InlineData(500, 2, 45)] // 5.00: 0.145 rounds half-up to 0.15, + 0.30
    [InlineData(1, 2, 30)] // 0.01: 0.00029 rounds to 0
    [InlineData(1000, 0, 29)] // 1000 JPY: 29, and 0.30 yen rounds to nothing
    [InlineData(1000, 3, 329)] // 1.000 BHD: 29 fils + 300 fils
    [InlineData(0, 2, 30)]
    public void The_simulated_fee_is_2_9_percent_plus_30_hundredths_of_the_major_unit_each_rounded_half_up(long amountMinor, int exponent, long expected) =>
        Assert.Equal(expected, ProcessingFee.Simulated(amountMinor, exponent));

    [Fact]
    public void Huge_amounts_do_not_overflow_the_percentage() =>
        Assert.Equal(((Int128)long.MaxValue * 29 + 500) / 1000 + 30, ProcessingFee.Simulated(long.MaxValue, 2));
}
