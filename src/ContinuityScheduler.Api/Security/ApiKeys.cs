using System.Security.Cryptography;
using System.Text;

namespace ContinuityScheduler.Api.Security;

/// <summary>Makes and hashes API keys. Keys are 256 random bits, so one SHA-256 is enough: there is nothing to guess.</summary>
public static class ApiKeys
{
    public const string Header = "X-Api-Key";

    public const string AdminHeader = "X-Admin-Key";

    public static string New() => "cs_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool SameKey(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Hash(given)), Encoding.UTF8.GetBytes(Hash(expected)));
}
