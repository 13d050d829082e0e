// Reading a JWT's claims without verifying it (the tests compare what the libraries decoded with the bytes).
export function claimsUtf8(jwt) {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}
