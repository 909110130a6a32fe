import { clientBucket } from "../../src/auth/rate-limit";

describe("the client a sign-in attempt is counted against", () => {
  test("an IPv6 address counts as its /64, however it is written", () => {
    const bucket = "2001:db8:1:2::/64";
    expect(
      ["2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:0db8:0001:0002:0000:0000:0000:0001", "2001:DB8:1:2::abcd"].map(
        clientBucket,
      ),
    ).toEqual(Array(4).fill(bucket));
    expect(clientBucket("2001:db8:1:3::1")).not.toBe(bucket);
    expect(clientBucket("2001:db8::")).toBe("2001:db8:0:0::/64");
  });

  test("IPv4, also mapped into IPv6, counts as the address; anything else as unknown", () => {
    expect(clientBucket("203.0.113.9")).toBe("203.0.113.9");
    expect(clientBucket("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(clientBucket("not an address")).toBe("unknown");
    expect(clientBucket(null)).toBe("unknown");
  });
});
