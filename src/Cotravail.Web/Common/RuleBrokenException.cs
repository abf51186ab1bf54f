namespace Cotravail.Web.Common;

/// <summary>A business rule said no (for example « plus de place »). Answered as 409 on the API.</summary>
public sealed class RuleBrokenException(string message) : Exception(message);
