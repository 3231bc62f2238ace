// AES-256-GCM decryption (FIPS 197, NIST SP 800-38D) for pages the browser withholds
// WebCrypto from.
//
// Why by hand: browsers expose crypto.subtle only in secure contexts (https, or the computer
// itself). A phone at the booth reaches the link host over plain http at a local network
// address, for which no certificate a phone trusts can exist, and the page may load no script
// from elsewhere. The viewer uses WebCrypto whenever it is there; this file is the fallback.
// It only decrypts, with the key the visitor holds in the link, and checks the tag before
// any plaintext is released.
"use strict";

globalThis.xshareAesGcm = (() => {
  const SBOX = new Uint8Array(256);
  {
    // The S-box from the multiplicative inverse in GF(2^8) and the affine map (FIPS 197 5.1.1).
    const rotl8 = (x, s) => ((x << s) | (x >>> (8 - s))) & 0xff;
    let p = 1;
    let q = 1;
    do {
      p = (p ^ (p << 1) ^ (p & 0x80 ? 0x1b : 0)) & 0xff; // p * 3
      q ^= q << 1; // q / 3
      q ^= q << 2;
      q ^= q << 4;
      q &= 0xff;
      if (q & 0x80) q ^= 0x09;
      SBOX[p] = (q ^ rotl8(q, 1) ^ rotl8(q, 2) ^ rotl8(q, 3) ^ rotl8(q, 4) ^ 0x63) & 0xff;
    } while (p !== 1);
    SBOX[0] = 0x63;
  }

  const xtime = (b) => ((b << 1) ^ (b & 0x80 ? 0x1b : 0)) & 0xff;

  function expandKey(key) {
    if (key.length !== 32) throw new Error("AES-256 needs a 32-byte key");
    const words = new Uint32Array(60);
    for (let i = 0; i < 8; i += 1) {
      words[i] = ((key[4 * i] << 24) | (key[4 * i + 1] << 16) | (key[4 * i + 2] << 8) | key[4 * i + 3]) >>> 0;
    }
    const sub = (w) =>
      ((SBOX[w >>> 24] << 24) | (SBOX[(w >>> 16) & 0xff] << 16) | (SBOX[(w >>> 8) & 0xff] << 8) | SBOX[w & 0xff]) >>> 0;
    let rcon = 1;
    for (let i = 8; i < 60; i += 1) {
      let temp = words[i - 1];
      if (i % 8 === 0) {
        temp = (sub(((temp << 8) | (temp >>> 24)) >>> 0) ^ (rcon << 24)) >>> 0;
        rcon = xtime(rcon);
      } else if (i % 8 === 4) {
        temp = sub(temp);
      }
      words[i] = (words[i - 8] ^ temp) >>> 0;
    }
    return words;
  }

  // One block, state column-major as in FIPS 197 (s[r + 4c]).
  function encryptBlock(words, input, output) {
    const s = new Uint8Array(16);
    const t = new Uint8Array(16);
    const addRoundKey = (round) => {
      for (let c = 0; c < 4; c += 1) {
        const w = words[round * 4 + c];
        s[4 * c] ^= w >>> 24;
        s[4 * c + 1] ^= (w >>> 16) & 0xff;
        s[4 * c + 2] ^= (w >>> 8) & 0xff;
        s[4 * c + 3] ^= w & 0xff;
      }
    };
    const subShift = () => {
      for (let c = 0; c < 4; c += 1) {
        for (let r = 0; r < 4; r += 1) t[r + 4 * c] = SBOX[s[r + 4 * ((c + r) % 4)]];
      }
      s.set(t);
    };
    s.set(input);
    addRoundKey(0);
    for (let round = 1; round < 14; round += 1) {
      subShift();
      for (let c = 0; c < 4; c += 1) {
        const a0 = s[4 * c];
        const a1 = s[4 * c + 1];
        const a2 = s[4 * c + 2];
        const a3 = s[4 * c + 3];
        s[4 * c] = xtime(a0) ^ xtime(a1) ^ a1 ^ a2 ^ a3;
        s[4 * c + 1] = a0 ^ xtime(a1) ^ xtime(a2) ^ a2 ^ a3;
        s[4 * c + 2] = a0 ^ a1 ^ xtime(a2) ^ xtime(a3) ^ a3;
        s[4 * c + 3] = xtime(a0) ^ a0 ^ a1 ^ a2 ^ xtime(a3);
      }
      addRoundKey(round);
    }
    subShift();
    addRoundKey(14);
    output.set(s);
  }

  // GHASH with H fixed: the 128 products H * x^i are computed once, so a block costs 128
  // table look-ups instead of 128 shifts (SP 800-38D 6.3, bit order as written there).
  function ghashTable(h) {
    const table = new Uint32Array(128 * 4);
    let v0 = ((h[0] << 24) | (h[1] << 16) | (h[2] << 8) | h[3]) >>> 0;
    let v1 = ((h[4] << 24) | (h[5] << 16) | (h[6] << 8) | h[7]) >>> 0;
    let v2 = ((h[8] << 24) | (h[9] << 16) | (h[10] << 8) | h[11]) >>> 0;
    let v3 = ((h[12] << 24) | (h[13] << 16) | (h[14] << 8) | h[15]) >>> 0;
    for (let i = 0; i < 128; i += 1) {
      table.set([v0, v1, v2, v3], 4 * i);
      const lsb = v3 & 1;
      v3 = ((v3 >>> 1) | (v2 << 31)) >>> 0;
      v2 = ((v2 >>> 1) | (v1 << 31)) >>> 0;
      v1 = ((v1 >>> 1) | (v0 << 31)) >>> 0;
      v0 = (v0 >>> 1) >>> 0;
      if (lsb) v0 = (v0 ^ 0xe1000000) >>> 0;
    }
    return table;
  }

  function ghash(table, aad, ciphertext) {
    const y = new Uint8Array(16);
    const block = new Uint8Array(16);
    const absorb = (x) => {
      for (let i = 0; i < 16; i += 1) y[i] ^= x[i];
      let z0 = 0;
      let z1 = 0;
      let z2 = 0;
      let z3 = 0;
      for (let i = 0; i < 128; i += 1) {
        if (y[i >>> 3] & (0x80 >>> (i & 7))) {
          z0 ^= table[4 * i];
          z1 ^= table[4 * i + 1];
          z2 ^= table[4 * i + 2];
          z3 ^= table[4 * i + 3];
        }
      }
      for (const [index, word] of [z0, z1, z2, z3].entries()) {
        y[4 * index] = word >>> 24;
        y[4 * index + 1] = (word >>> 16) & 0xff;
        y[4 * index + 2] = (word >>> 8) & 0xff;
        y[4 * index + 3] = word & 0xff;
      }
    };
    for (const data of [aad, ciphertext]) {
      for (let offset = 0; offset < data.length; offset += 16) {
        block.fill(0);
        block.set(data.subarray(offset, Math.min(offset + 16, data.length)));
        absorb(block);
      }
    }
    const lengths = new Uint8Array(16);
    const view = new DataView(lengths.buffer);
    view.setUint32(0, Math.floor(aad.length / 0x20000000));
    view.setUint32(4, (aad.length * 8) >>> 0);
    view.setUint32(8, Math.floor(ciphertext.length / 0x20000000));
    view.setUint32(12, (ciphertext.length * 8) >>> 0);
    absorb(lengths);
    return y;
  }

  function increment32(counter) {
    for (let i = 15; i >= 12; i -= 1) {
      counter[i] = (counter[i] + 1) & 0xff;
      if (counter[i] !== 0) break;
    }
  }

  // The plaintext, or an Error when the tag does not match (wrong key or altered data).
  function decrypt(key, iv, ciphertext, tag, aad) {
    if (iv.length !== 12 || tag.length !== 16) throw new Error("unsupported IV or tag length");
    const words = expandKey(key);
    const h = new Uint8Array(16);
    encryptBlock(words, new Uint8Array(16), h);
    const j0 = new Uint8Array(16);
    j0.set(iv);
    j0[15] = 1;
    const s = ghash(ghashTable(h), aad, ciphertext);
    const mask = new Uint8Array(16);
    encryptBlock(words, j0, mask);
    let difference = 0;
    for (let i = 0; i < 16; i += 1) difference |= (s[i] ^ mask[i]) ^ tag[i];
    if (difference !== 0) throw new Error("authentication tag mismatch");
    const counter = j0.slice();
    const stream = new Uint8Array(16);
    const plain = new Uint8Array(ciphertext.length);
    for (let offset = 0; offset < ciphertext.length; offset += 16) {
      increment32(counter);
      encryptBlock(words, counter, stream);
      const end = Math.min(offset + 16, ciphertext.length);
      for (let i = offset; i < end; i += 1) plain[i] = ciphertext[i] ^ stream[i - offset];
    }
    return plain;
  }

  return Object.freeze({ decrypt });
})();
