#!/bin/sh
# make-test-ca.sh DIR: a throwaway certificate authority and a server certificate it signs, for tests
# of HTTPS between kioskd and kiosk-central. Writes DIR/ca.pem (the CA certificate a kiosk trusts),
# DIR/ca.key, DIR/server.pem and DIR/server.key (for 127.0.0.1 and localhost, valid 2 days).
# Every run makes a new CA: two runs give two CAs that do not trust each other.
set -eu
dir=$1
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
    -subj "/CN=kioskd throwaway test CA $$" -keyout "$dir/ca.key" -out "$dir/ca.pem" 2>/dev/null
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -subj "/CN=localhost" -keyout "$dir/server.key" -out "$dir/server.csr" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n' \
    > "$dir/server.ext"
openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial -days 2 \
    -extfile "$dir/server.ext" -out "$dir/server.pem" 2>/dev/null
rm -f "$dir/server.csr" "$dir/server.ext" "$dir/ca.srl"
