#ifndef SERIES12_CCRYPTO_SHIM_H
#define SERIES12_CCRYPTO_SHIM_H
/* Only the message-digest interface of OpenSSL's libcrypto (Debian libssl-dev): SHA-256 for
   the tier-3 manifest, with the CPU's SHA extensions where it has them. */
#include <openssl/evp.h>
#endif
