/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 834:
/***/ ((module) => {



// Note: adler32 takes 12% for level 0 and 2% for level 6.
// It isn't worth it to make additional optimizations as in original.
// Small size is preferable.

// (C) 1995-2013 Jean-loup Gailly and Mark Adler
// (C) 2014-2017 Vitaly Puzrin and Andrey Tupitsin
//
// This software is provided 'as-is', without any express or implied
// warranty. In no event will the authors be held liable for any damages
// arising from the use of this software.
//
// Permission is granted to anyone to use this software for any purpose,
// including commercial applications, and to alter it and redistribute it
// freely, subject to the following restrictions:
//
// 1. The origin of this software must not be misrepresented; you must not
//   claim that you wrote the original software. If you use this software
//   in a product, an acknowledgment in the product documentation would be
//   appreciated but is not required.
// 2. Altered source versions must be plainly marked as such, and must not be
//   misrepresented as being the original software.
// 3. This notice may not be removed or altered from any source distribution.

const adler32 = (adler, buf, len, pos) => {
  let s1 = (adler & 0xffff) |0,
      s2 = ((adler >>> 16) & 0xffff) |0,
      n = 0;

  while (len !== 0) {
    // Set limit ~ twice less than 5552, to keep
    // s2 in 31-bits, because we force signed ints.
    // in other case %= will fail.
    n = len > 2000 ? 2000 : len;
    len -= n;

    do {
      s1 = (s1 + buf[pos++]) |0;
      s2 = (s2 + s1) |0;
    } while (--n);

    s1 %= 65521;
    s2 %= 65521;
  }

  return (s1 | (s2 << 16)) |0;
};


module.exports = adler32;


/***/ }),

/***/ 958:
/***/ ((module) => {



// (C) 1995-2013 Jean-loup Gailly and Mark Adler
// (C) 2014-2017 Vitaly Puzrin and Andrey Tupitsin
//
// This software is provided 'as-is', without any express or implied
// warranty. In no event will the authors be held liable for any damages
// arising from the use of this software.
//
// Permission is granted to anyone to use this software for any purpose,
// including commercial applications, and to alter it and redistribute it
// freely, subject to the following restrictions:
//
// 1. The origin of this software must not be misrepresented; you must not
//   claim that you wrote the original software. If you use this software
//   in a product, an acknowledgment in the product documentation would be
//   appreciated but is not required.
// 2. Altered source versions must be plainly marked as such, and must not be
//   misrepresented as being the original software.
// 3. This notice may not be removed or altered from any source distribution.

module.exports = {

  /* Allowed flush values; see deflate() and inflate() below for details */
  Z_NO_FLUSH:         0,
  Z_PARTIAL_FLUSH:    1,
  Z_SYNC_FLUSH:       2,
  Z_FULL_FLUSH:       3,
  Z_FINISH:           4,
  Z_BLOCK:            5,
  Z_TREES:            6,

  /* Return codes for the compression/decompression functions. Negative values
  * are errors, positive values are used for special but normal events.
  */
  Z_OK:               0,
  Z_STREAM_END:       1,
  Z_NEED_DICT:        2,
  Z_ERRNO:           -1,
  Z_STREAM_ERROR:    -2,
  Z_DATA_ERROR:      -3,
  Z_MEM_ERROR:       -4,
  Z_BUF_ERROR:       -5,
  //Z_VERSION_ERROR: -6,

  /* compression levels */
  Z_NO_COMPRESSION:         0,
  Z_BEST_SPEED:             1,
  Z_BEST_COMPRESSION:       9,
  Z_DEFAULT_COMPRESSION:   -1,


  Z_FILTERED:               1,
  Z_HUFFMAN_ONLY:           2,
  Z_RLE:                    3,
  Z_FIXED:                  4,
  Z_DEFAULT_STRATEGY:       0,

  /* Possible values of the data_type field (though see inflate()) */
  Z_BINARY:                 0,
  Z_TEXT:                   1,
  //Z_ASCII:                1, // = Z_TEXT (deprecated)
  Z_UNKNOWN:                2,

  /* The deflate compression method */
  Z_DEFLATED:               8
  //Z_NULL:                 null // Use -1 or null inline, depending on var type
};


/***/ }),

/***/ 780:
/***/ ((module) => {



// Note: we can't get significant speed boost here.
// So write code to minimize size - no pregenerated tables
// and array tools dependencies.

// (C) 1995-2013 Jean-loup Gailly and Mark Adler
// (C) 2014-2017 Vitaly Puzrin and Andrey Tupitsin
//
// This software is provided 'as-is', without any express or implied
// warranty. In no event will the authors be held liable for any damages
// arising from the use of this software.
//
// Permission is granted to anyone to use this software for any purpose,
// including commercial applications, and to alter it and redistribute it
// freely, subject to the following restrictions:
//
// 1. The origin of this software must not be misrepresented; you must not
//   claim that you wrote the original software. If you use this software
//   in a product, an acknowledgment in the product documentation would be
//   appreciated but is not required.
// 2. Altered source versions must be plainly marked as such, and must not be
//   misrepresented as being the original software.
// 3. This notice may not be removed or altered from any source distribution.

// Use ordinary array, since untyped makes no boost here
const makeTable = () => {
  let c, table = [];

  for (var n = 0; n < 256; n++) {
    c = n;
    for (var k = 0; k < 8; k++) {
      c = ((c & 1) ? (0xEDB88320 ^ (c >>> 1)) : (c >>> 1));
    }
    table[n] = c;
  }

  return table;
};

// Create table on load. Just 255 signed longs. Not a problem.
const crcTable = new Uint32Array(makeTable());


const crc32 = (crc, buf, len, pos) => {
  const t = crcTable;
  const end = pos + len;

  crc ^= -1;

  for (let i = pos; i < end; i++) {
    crc = (crc >>> 8) ^ t[(crc ^ buf[i]) & 0xFF];
  }

  return (crc ^ (-1)); // >>> 0;
};


module.exports = crc32;


/***/ }),

/***/ 894:
/***/ ((module) => {



// (C) 1995-2013 Jean-loup Gailly and Mark Adler
// (C) 2014-2017 Vitaly Puzrin and Andrey Tupitsin
//
// This software is provided 'as-is', without any express or implied
// warranty. In no event will the authors be held liable for any damages
// arising from the use of this software.
//
// Permission is granted to anyone to use this software for any purpose,
// including commercial applications, and to alter it and redistribute it
// freely, subject to the following restrictions:
//
// 1. The origin of this software must not be misrepresented; you must not
//   claim that you wrote the original software. If you use this software
//   in a product, an acknowledgment in the product documentation would be
//   appreciated but is not required.
// 2. Altered source versions must be plainly marked as such, and must not be
//   misrepresented as being the original software.
// 3. This notice may not be removed or altered from any source distribution.

// See state defs from inflate.js
const BAD = 16209;       /* got a data error -- remain here until reset */
const TYPE = 16191;      /* i: waiting for type bits, including last-flag bit */

/*
   Decode literal, length, and distance codes and write out the resulting
   literal and match bytes until either not enough input or output is
   available, an end-of-block is encountered, or a data error is encountered.
   When large enough input and output buffers are supplied to inflate(), for
   example, a 16K input buffer and a 64K output buffer, more than 95% of the
   inflate execution time is spent in this routine.

   Entry assumptions:

        state.mode === LEN
        strm.avail_in >= 6
        strm.avail_out >= 258
        start >= strm.avail_out
        state.bits < 8

   On return, state.mode is one of:

        LEN -- ran out of enough output space or enough available input
        TYPE -- reached end of block code, inflate() to interpret next block
        BAD -- error in block data

   Notes:

    - The maximum input bits used by a length/distance pair is 15 bits for the
      length code, 5 bits for the length extra, 15 bits for the distance code,
      and 13 bits for the distance extra.  This totals 48 bits, or six bytes.
      Therefore if strm.avail_in >= 6, then there is enough input to avoid
      checking for available input while decoding.

    - The maximum bytes that a single length/distance pair can output is 258
      bytes, which is the maximum length that can be coded.  inflate_fast()
      requires strm.avail_out >= 258 for each loop to avoid checking for
      output space.
 */
module.exports = function inflate_fast(strm, start) {
  let _in;                    /* local strm.input */
  let last;                   /* have enough input while in < last */
  let _out;                   /* local strm.output */
  let beg;                    /* inflate()'s initial strm.output */
  let end;                    /* while out < end, enough space available */
//#ifdef INFLATE_STRICT
  let dmax;                   /* maximum distance from zlib header */
//#endif
  let wsize;                  /* window size or zero if not using window */
  let whave;                  /* valid bytes in the window */
  let wnext;                  /* window write index */
  // Use `s_window` instead `window`, avoid conflict with instrumentation tools
  let s_window;               /* allocated sliding window, if wsize != 0 */
  let hold;                   /* local strm.hold */
  let bits;                   /* local strm.bits */
  let lcode;                  /* local strm.lencode */
  let dcode;                  /* local strm.distcode */
  let lmask;                  /* mask for first level of length codes */
  let dmask;                  /* mask for first level of distance codes */
  let here;                   /* retrieved table entry */
  let op;                     /* code bits, operation, extra bits, or */
                              /*  window position, window bytes to copy */
  let len;                    /* match length, unused bytes */
  let dist;                   /* match distance */
  let from;                   /* where to copy match from */
  let from_source;


  let input, output; // JS specific, because we have no pointers

  /* copy state to local variables */
  const state = strm.state;
  //here = state.here;
  _in = strm.next_in;
  input = strm.input;
  last = _in + (strm.avail_in - 5);
  _out = strm.next_out;
  output = strm.output;
  beg = _out - (start - strm.avail_out);
  end = _out + (strm.avail_out - 257);
//#ifdef INFLATE_STRICT
  dmax = state.dmax;
//#endif
  wsize = state.wsize;
  whave = state.whave;
  wnext = state.wnext;
  s_window = state.window;
  hold = state.hold;
  bits = state.bits;
  lcode = state.lencode;
  dcode = state.distcode;
  lmask = (1 << state.lenbits) - 1;
  dmask = (1 << state.distbits) - 1;


  /* decode literals and length/distances until end-of-block or not enough
     input data or output space */

  top:
  do {
    if (bits < 15) {
      hold += input[_in++] << bits;
      bits += 8;
      hold += input[_in++] << bits;
      bits += 8;
    }

    here = lcode[hold & lmask];

    dolen:
    for (;;) { // Goto emulation
      op = here >>> 24/*here.bits*/;
      hold >>>= op;
      bits -= op;
      op = (here >>> 16) & 0xff/*here.op*/;
      if (op === 0) {                          /* literal */
        //Tracevv((stderr, here.val >= 0x20 && here.val < 0x7f ?
        //        "inflate:         literal '%c'\n" :
        //        "inflate:         literal 0x%02x\n", here.val));
        output[_out++] = here & 0xffff/*here.val*/;
      }
      else if (op & 16) {                     /* length base */
        len = here & 0xffff/*here.val*/;
        op &= 15;                           /* number of extra bits */
        if (op) {
          if (bits < op) {
            hold += input[_in++] << bits;
            bits += 8;
          }
          len += hold & ((1 << op) - 1);
          hold >>>= op;
          bits -= op;
        }
        //Tracevv((stderr, "inflate:         length %u\n", len));
        if (bits < 15) {
          hold += input[_in++] << bits;
          bits += 8;
          hold += input[_in++] << bits;
          bits += 8;
        }
        here = dcode[hold & dmask];

        dodist:
        for (;;) { // goto emulation
          op = here >>> 24/*here.bits*/;
          hold >>>= op;
          bits -= op;
          op = (here >>> 16) & 0xff/*here.op*/;

          if (op & 16) {                      /* distance base */
            dist = here & 0xffff/*here.val*/;
            op &= 15;                       /* number of extra bits */
            if (bits < op) {
              hold += input[_in++] << bits;
              bits += 8;
              if (bits < op) {
                hold += input[_in++] << bits;
                bits += 8;
              }
            }
            dist += hold & ((1 << op) - 1);
//#ifdef INFLATE_STRICT
            if (dist > dmax) {
              strm.msg = 'invalid distance too far back';
              state.mode = BAD;
              break top;
            }
//#endif
            hold >>>= op;
            bits -= op;
            //Tracevv((stderr, "inflate:         distance %u\n", dist));
            op = _out - beg;                /* max distance in output */
            if (dist > op) {                /* see if copy from window */
              op = dist - op;               /* distance back in window */
              if (op > whave) {
                if (state.sane) {
                  strm.msg = 'invalid distance too far back';
                  state.mode = BAD;
                  break top;
                }

// (!) This block is disabled in zlib defaults,
// don't enable it for binary compatibility
//#ifdef INFLATE_ALLOW_INVALID_DISTANCE_TOOFAR_ARRR
//                if (len <= op - whave) {
//                  do {
//                    output[_out++] = 0;
//                  } while (--len);
//                  continue top;
//                }
//                len -= op - whave;
//                do {
//                  output[_out++] = 0;
//                } while (--op > whave);
//                if (op === 0) {
//                  from = _out - dist;
//                  do {
//                    output[_out++] = output[from++];
//                  } while (--len);
//                  continue top;
//                }
//#endif
              }
              from = 0; // window index
              from_source = s_window;
              if (wnext === 0) {           /* very common case */
                from += wsize - op;
                if (op < len) {         /* some from window */
                  len -= op;
                  do {
                    output[_out++] = s_window[from++];
                  } while (--op);
                  from = _out - dist;  /* rest from output */
                  from_source = output;
                }
              }
              else if (wnext < op) {      /* wrap around window */
                from += wsize + wnext - op;
                op -= wnext;
                if (op < len) {         /* some from end of window */
                  len -= op;
                  do {
                    output[_out++] = s_window[from++];
                  } while (--op);
                  from = 0;
                  if (wnext < len) {  /* some from start of window */
                    op = wnext;
                    len -= op;
                    do {
                      output[_out++] = s_window[from++];
                    } while (--op);
                    from = _out - dist;      /* rest from output */
                    from_source = output;
                  }
                }
              }
              else {                      /* contiguous in window */
                from += wnext - op;
                if (op < len) {         /* some from window */
                  len -= op;
                  do {
                    output[_out++] = s_window[from++];
                  } while (--op);
                  from = _out - dist;  /* rest from output */
                  from_source = output;
                }
              }
              while (len > 2) {
                output[_out++] = from_source[from++];
                output[_out++] = from_source[from++];
                output[_out++] = from_source[from++];
                len -= 3;
              }
              if (len) {
                output[_out++] = from_source[from++];
                if (len > 1) {
                  output[_out++] = from_source[from++];
                }
              }
            }
            else {
              from = _out - dist;          /* copy direct from output */
              do {                        /* minimum length is three */
                output[_out++] = output[from++];
                output[_out++] = output[from++];
                output[_out++] = output[from++];
                len -= 3;
              } while (len > 2);
              if (len) {
                output[_out++] = output[from++];
                if (len > 1) {
                  output[_out++] = output[from++];
                }
              }
            }
          }
          else if ((op & 64) === 0) {          /* 2nd level distance code */
            here = dcode[(here & 0xffff)/*here.val*/ + (hold & ((1 << op) - 1))];
            continue dodist;
          }
          else {
            strm.msg = 'invalid distance code';
            state.mode = BAD;
            break top;
          }

          break; // need to emulate goto via "continue"
        }
      }
      else if ((op & 64) === 0) {              /* 2nd level length code */
        here = lcode[(here & 0xffff)/*here.val*/ + (hold & ((1 << op) - 1))];
        continue dolen;
      }
      else if (op & 32) {                     /* end-of-block */
        //Tracevv((stderr, "inflate:         end of block\n"));
        state.mode = TYPE;
        break top;
      }
      else {
        strm.msg = 'invalid literal/length code';
        state.mode = BAD;
        break top;
      }

      break; // need to emulate goto via "continue"
    }
  } while (_in < last && _out < end);

  /* return unused bytes (on entry, bits < 8, so in won't go too far back) */
  len = bits >> 3;
  _in -= len;
  bits -= len << 3;
  hold &= (1 << bits) - 1;

  /* update state and return */
  strm.next_in = _in;
  strm.next_out = _out;
  strm.avail_in = (_in < last ? 5 + (last - _in) : 5 - (_in - last));
  strm.avail_out = (_out < end ? 257 + (end - _out) : 257 - (_out - end));
  state.hold = hold;
  state.bits = bits;
  return;
};


/***/ }),

/***/ 716:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



// (C) 1995-2013 Jean-loup Gailly and Mark Adler
// (C) 2014-2017 Vitaly Puzrin and Andrey Tupitsin
//
// This software is provided 'as-is', without any express or implied
// warranty. In no event will the authors be held liable for any damages
// arising from the use of this software.
//
// Permission is granted to anyone to use this software for any purpose,
// including commercial applications, and to alter it and redistribute it
// freely, subject to the following restrictions:
//
// 1. The origin of this software must not be misrepresented; you must not
//   claim that you wrote the original software. If you use this software
//   in a product, an acknowledgment in the product documentation would be
//   appreciated but is not required.
// 2. Altered source versions must be plainly marked as such, and must not be
//   misrepresented as being the original software.
// 3. This notice may not be removed or altered from any source distribution.

const adler32       = __nccwpck_require__(834);
const crc32         = __nccwpck_require__(780);
const inflate_fast  = __nccwpck_require__(894);
const inflate_table = __nccwpck_require__(611);

const CODES = 0;
const LENS = 1;
const DISTS = 2;

/* Public constants ==========================================================*/
/* ===========================================================================*/

const {
  Z_FINISH, Z_BLOCK, Z_TREES,
  Z_OK, Z_STREAM_END, Z_NEED_DICT, Z_STREAM_ERROR, Z_DATA_ERROR, Z_MEM_ERROR, Z_BUF_ERROR,
  Z_DEFLATED
} = __nccwpck_require__(958);


/* STATES ====================================================================*/
/* ===========================================================================*/


const    HEAD = 16180;       /* i: waiting for magic header */
const    FLAGS = 16181;      /* i: waiting for method and flags (gzip) */
const    TIME = 16182;       /* i: waiting for modification time (gzip) */
const    OS = 16183;         /* i: waiting for extra flags and operating system (gzip) */
const    EXLEN = 16184;      /* i: waiting for extra length (gzip) */
const    EXTRA = 16185;      /* i: waiting for extra bytes (gzip) */
const    NAME = 16186;       /* i: waiting for end of file name (gzip) */
const    COMMENT = 16187;    /* i: waiting for end of comment (gzip) */
const    HCRC = 16188;       /* i: waiting for header crc (gzip) */
const    DICTID = 16189;    /* i: waiting for dictionary check value */
const    DICT = 16190;      /* waiting for inflateSetDictionary() call */
const        TYPE = 16191;      /* i: waiting for type bits, including last-flag bit */
const        TYPEDO = 16192;    /* i: same, but skip check to exit inflate on new block */
const        STORED = 16193;    /* i: waiting for stored size (length and complement) */
const        COPY_ = 16194;     /* i/o: same as COPY below, but only first time in */
const        COPY = 16195;      /* i/o: waiting for input or output to copy stored block */
const        TABLE = 16196;     /* i: waiting for dynamic block table lengths */
const        LENLENS = 16197;   /* i: waiting for code length code lengths */
const        CODELENS = 16198;  /* i: waiting for length/lit and distance code lengths */
const            LEN_ = 16199;      /* i: same as LEN below, but only first time in */
const            LEN = 16200;       /* i: waiting for length/lit/eob code */
const            LENEXT = 16201;    /* i: waiting for length extra bits */
const            DIST = 16202;      /* i: waiting for distance code */
const            DISTEXT = 16203;   /* i: waiting for distance extra bits */
const            MATCH = 16204;     /* o: waiting for output space to copy string */
const            LIT = 16205;       /* o: waiting for output space to write literal */
const    CHECK = 16206;     /* i: waiting for 32-bit check value */
const    LENGTH = 16207;    /* i: waiting for 32-bit length (gzip) */
const    DONE = 16208;      /* finished check, done -- remain here until reset */
const    BAD = 16209;       /* got a data error -- remain here until reset */
const    MEM = 16210;       /* got an inflate() memory error -- remain here until reset */
const    SYNC = 16211;      /* looking for synchronization bytes to restart inflate() */

/* ===========================================================================*/



const ENOUGH_LENS = 852;
const ENOUGH_DISTS = 592;
//const ENOUGH =  (ENOUGH_LENS+ENOUGH_DISTS);

const MAX_WBITS = 15;
/* 32K LZ77 window */
const DEF_WBITS = MAX_WBITS;


const zswap32 = (q) => {

  return  (((q >>> 24) & 0xff) +
          ((q >>> 8) & 0xff00) +
          ((q & 0xff00) << 8) +
          ((q & 0xff) << 24));
};


function InflateState() {
  this.strm = null;           /* pointer back to this zlib stream */
  this.mode = 0;              /* current inflate mode */
  this.last = false;          /* true if processing last block */
  this.wrap = 0;              /* bit 0 true for zlib, bit 1 true for gzip,
                                 bit 2 true to validate check value */
  this.havedict = false;      /* true if dictionary provided */
  this.flags = 0;             /* gzip header method and flags (0 if zlib), or
                                 -1 if raw or no header yet */
  this.dmax = 0;              /* zlib header max distance (INFLATE_STRICT) */
  this.check = 0;             /* protected copy of check value */
  this.total = 0;             /* protected copy of output count */
  // TODO: may be {}
  this.head = null;           /* where to save gzip header information */

  /* sliding window */
  this.wbits = 0;             /* log base 2 of requested window size */
  this.wsize = 0;             /* window size or zero if not using window */
  this.whave = 0;             /* valid bytes in the window */
  this.wnext = 0;             /* window write index */
  this.window = null;         /* allocated sliding window, if needed */

  /* bit accumulator */
  this.hold = 0;              /* input bit accumulator */
  this.bits = 0;              /* number of bits in "in" */

  /* for string and stored block copying */
  this.length = 0;            /* literal or length of data to copy */
  this.offset = 0;            /* distance back to copy string from */

  /* for table and code decoding */
  this.extra = 0;             /* extra bits needed */

  /* fixed and dynamic code tables */
  this.lencode = null;          /* starting table for length/literal codes */
  this.distcode = null;         /* starting table for distance codes */
  this.lenbits = 0;           /* index bits for lencode */
  this.distbits = 0;          /* index bits for distcode */

  /* dynamic table building */
  this.ncode = 0;             /* number of code length code lengths */
  this.nlen = 0;              /* number of length code lengths */
  this.ndist = 0;             /* number of distance code lengths */
  this.have = 0;              /* number of code lengths in lens[] */
  this.next = null;              /* next available space in codes[] */

  this.lens = new Uint16Array(320); /* temporary storage for code lengths */
  this.work = new Uint16Array(288); /* work area for code table building */

  /*
   because we don't have pointers in js, we use lencode and distcode directly
   as buffers so we don't need codes
  */
  //this.codes = new Int32Array(ENOUGH);       /* space for code tables */
  this.lendyn = null;              /* dynamic table for length/literal codes (JS specific) */
  this.distdyn = null;             /* dynamic table for distance codes (JS specific) */
  this.sane = 0;                   /* if false, allow invalid distance too far */
  this.back = 0;                   /* bits back of last unprocessed length/lit */
  this.was = 0;                    /* initial length of match */
}


const inflateStateCheck = (strm) => {

  if (!strm) {
    return 1;
  }
  const state = strm.state;
  if (!state || state.strm !== strm ||
    state.mode < HEAD || state.mode > SYNC) {
    return 1;
  }
  return 0;
};


const inflateResetKeep = (strm) => {

  if (inflateStateCheck(strm)) { return Z_STREAM_ERROR; }
  const state = strm.state;
  strm.total_in = strm.total_out = state.total = 0;
  strm.msg = ''; /*Z_NULL*/
  if (state.wrap) {       /* to support ill-conceived Java test suite */
    strm.adler = state.wrap & 1;
  }
  state.mode = HEAD;
  state.last = 0;
  state.havedict = 0;
  state.flags = -1;
  state.dmax = 32768;
  state.head = null/*Z_NULL*/;
  state.hold = 0;
  state.bits = 0;
  //state.lencode = state.distcode = state.next = state.codes;
  state.lencode = state.lendyn = new Int32Array(ENOUGH_LENS);
  state.distcode = state.distdyn = new Int32Array(ENOUGH_DISTS);

  state.sane = 1;
  state.back = -1;
  //Tracev((stderr, "inflate: reset\n"));
  return Z_OK;
};


const inflateReset = (strm) => {

  if (inflateStateCheck(strm)) { return Z_STREAM_ERROR; }
  const state = strm.state;
  state.wsize = 0;
  state.whave = 0;
  state.wnext = 0;
  return inflateResetKeep(strm);

};


const inflateReset2 = (strm, windowBits) => {
  let wrap;

  /* get the state */
  if (inflateStateCheck(strm)) { return Z_STREAM_ERROR; }
  const state = strm.state;

  /* extract wrap request from windowBits parameter */
  if (windowBits < 0) {
    wrap = 0;
    windowBits = -windowBits;
  }
  else {
    wrap = (windowBits >> 4) + 5;
    if (windowBits < 48) {
      windowBits &= 15;
    }
  }

  /* set number of window bits, free window if different */
  if (windowBits && (windowBits < 8 || windowBits > 15)) {
    return Z_STREAM_ERROR;
  }
  if (state.window !== null && state.wbits !== windowBits) {
    state.window = null;
  }

  /* update state and reset the rest of it */
  state.wrap = wrap;
  state.wbits = windowBits;
  return inflateReset(strm);
};


const inflateInit2 = (strm, windowBits) => {

  if (!strm) { return Z_STREAM_ERROR; }
  //strm.msg = Z_NULL;                 /* in case we return an error */

  const state = new InflateState();

  //if (state === Z_NULL) return Z_MEM_ERROR;
  //Tracev((stderr, "inflate: allocated\n"));
  strm.state = state;
  state.strm = strm;
  state.window = null/*Z_NULL*/;
  state.mode = HEAD;     /* to pass state test in inflateReset2() */
  const ret = inflateReset2(strm, windowBits);
  if (ret !== Z_OK) {
    strm.state = null/*Z_NULL*/;
  }
  return ret;
};


const inflateInit = (strm) => {

  return inflateInit2(strm, DEF_WBITS);
};


/*
 Return state with length and distance decoding tables and index sizes set to
 fixed code decoding.  Normally this returns fixed tables from inffixed.h.
 If BUILDFIXED is defined, then instead this routine builds the tables the
 first time it's called, and returns those tables the first time and
 thereafter.  This reduces the size of the code by about 2K bytes, in
 exchange for a little execution time.  However, BUILDFIXED should not be
 used for threaded applications, since the rewriting of the tables and virgin
 may not be thread-safe.
 */
let virgin = true;

let lenfix, distfix; // We have no pointers in JS, so keep tables separate


const fixedtables = (state) => {

  /* build fixed huffman tables if first call (may not be thread safe) */
  if (virgin) {
    lenfix = new Int32Array(512);
    distfix = new Int32Array(32);

    /* literal/length table */
    let sym = 0;
    while (sym < 144) { state.lens[sym++] = 8; }
    while (sym < 256) { state.lens[sym++] = 9; }
    while (sym < 280) { state.lens[sym++] = 7; }
    while (sym < 288) { state.lens[sym++] = 8; }

    inflate_table(LENS,  state.lens, 0, 288, lenfix,   0, state.work, { bits: 9 });

    /* distance table */
    sym = 0;
    while (sym < 32) { state.lens[sym++] = 5; }

    inflate_table(DISTS, state.lens, 0, 32,   distfix, 0, state.work, { bits: 5 });

    /* do this just once */
    virgin = false;
  }

  state.lencode = lenfix;
  state.lenbits = 9;
  state.distcode = distfix;
  state.distbits = 5;
};


/*
 Update the window with the last wsize (normally 32K) bytes written before
 returning.  If window does not exist yet, create it.  This is only called
 when a window is already in use, or when output has been written during this
 inflate call, but the end of the deflate stream has not been reached yet.
 It is also called to create a window for dictionary data when a dictionary
 is loaded.

 Providing output buffers larger than 32K to inflate() should provide a speed
 advantage, since only the last 32K of output is copied to the sliding window
 upon return from inflate(), and since all distances after the first 32K of
 output will fall in the output data, making match copies simpler and faster.
 The advantage may be dependent on the size of the processor's data caches.
 */
const updatewindow = (strm, src, end, copy) => {

  let dist;
  const state = strm.state;

  /* if it hasn't been done already, allocate space for the window */
  if (state.window === null) {
    state.window = new Uint8Array(1 << state.wbits);
  }

  /* if window not in use yet, initialize */
  if (state.wsize === 0) {
    state.wsize = 1 << state.wbits;
    state.wnext = 0;
    state.whave = 0;
  }

  /* copy state->wsize or less output bytes into the circular window */
  if (copy >= state.wsize) {
    state.window.set(src.subarray(end - state.wsize, end), 0);
    state.wnext = 0;
    state.whave = state.wsize;
  }
  else {
    dist = state.wsize - state.wnext;
    if (dist > copy) {
      dist = copy;
    }
    //zmemcpy(state->window + state->wnext, end - copy, dist);
    state.window.set(src.subarray(end - copy, end - copy + dist), state.wnext);
    copy -= dist;
    if (copy) {
      //zmemcpy(state->window, end - copy, copy);
      state.window.set(src.subarray(end - copy, end), 0);
      state.wnext = copy;
      state.whave = state.wsize;
    }
    else {
      state.wnext += dist;
      if (state.wnext === state.wsize) { state.wnext = 0; }
      if (state.whave < state.wsize) { state.whave += dist; }
    }
  }
  return 0;
};


const inflate = (strm, flush) => {

  let state;
  let input, output;          // input/output buffers
  let next;                   /* next input INDEX */
  let put;                    /* next output INDEX */
  let have, left;             /* available input and output */
  let hold;                   /* bit buffer */
  let bits;                   /* bits in bit buffer */
  let _in, _out;              /* save starting available input and output */
  let copy;                   /* number of stored or match bytes to copy */
  let from;                   /* where to copy match bytes from */
  let from_source;
  let here = 0;               /* current decoding table entry */
  let here_bits, here_op, here_val; // paked "here" denormalized (JS specific)
  //let last;                   /* parent table entry */
  let last_bits, last_op, last_val; // paked "last" denormalized (JS specific)
  let len;                    /* length to copy for repeats, bits to drop */
  let ret;                    /* return code */
  const hbuf = new Uint8Array(4);    /* buffer for gzip header crc calculation */
  let opts;

  let n; // temporary variable for NEED_BITS

  const order = /* permutation of code lengths */
    new Uint8Array([ 16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15 ]);


  if (inflateStateCheck(strm) || !strm.output ||
      (!strm.input && strm.avail_in !== 0)) {
    return Z_STREAM_ERROR;
  }

  state = strm.state;
  if (state.mode === TYPE) { state.mode = TYPEDO; }    /* skip check */


  //--- LOAD() ---
  put = strm.next_out;
  output = strm.output;
  left = strm.avail_out;
  next = strm.next_in;
  input = strm.input;
  have = strm.avail_in;
  hold = state.hold;
  bits = state.bits;
  //---

  _in = have;
  _out = left;
  ret = Z_OK;

  inf_leave: // goto emulation
  for (;;) {
    switch (state.mode) {
      case HEAD:
        if (state.wrap === 0) {
          state.mode = TYPEDO;
          break;
        }
        //=== NEEDBITS(16);
        while (bits < 16) {
          if (have === 0) { break inf_leave; }
          have--;
          hold += input[next++] << bits;
          bits += 8;
        }
        //===//
        if ((state.wrap & 2) && hold === 0x8b1f) {  /* gzip header */
          if (state.wbits === 0) {
            state.wbits = 15;
          }
          state.check = 0/*crc32(0L, Z_NULL, 0)*/;
          //=== CRC2(state.check, hold);
          hbuf[0] = hold & 0xff;
          hbuf[1] = (hold >>> 8) & 0xff;
          state.check = crc32(state.check, hbuf, 2, 0);
          //===//

          //=== INITBITS();
          hold = 0;
          bits = 0;
          //===//
          state.mode = FLAGS;
          break;
        }
        if (state.head) {
          state.head.done = false;
        }
        if (!(state.wrap & 1) ||   /* check if zlib header allowed */
          (((hold & 0xff)/*BITS(8)*/ << 8) + (hold >> 8)) % 31) {
          strm.msg = 'incorrect header check';
          state.mode = BAD;
          break;
        }
        if ((hold & 0x0f)/*BITS(4)*/ !== Z_DEFLATED) {
          strm.msg = 'unknown compression method';
          state.mode = BAD;
          break;
        }
        //--- DROPBITS(4) ---//
        hold >>>= 4;
        bits -= 4;
        //---//
        len = (hold & 0x0f)/*BITS(4)*/ + 8;
        if (state.wbits === 0) {
          state.wbits = len;
        }
        if (len > 15 || len > state.wbits) {
          strm.msg = 'invalid window size';
          state.mode = BAD;
          break;
        }

        // !!! pako patch. Force use `options.windowBits` if passed.
        // Required to always use max window size by default.
        state.dmax = 1 << state.wbits;
        //state.dmax = 1 << len;

        state.flags = 0;               /* indicate zlib header */
        //Tracev((stderr, "inflate:   zlib header ok\n"));
        strm.adler = state.check = 1/*adler32(0L, Z_NULL, 0)*/;
        state.mode = hold & 0x200 ? DICTID : TYPE;
        //=== INITBITS();
        hold = 0;
        bits = 0;
        //===//
        break;
      case FLAGS:
        //=== NEEDBITS(16); */
        while (bits < 16) {
          if (have === 0) { break inf_leave; }
          have--;
          hold += input[next++] << bits;
          bits += 8;
        }
        //===//
        state.flags = hold;
        if ((state.flags & 0xff) !== Z_DEFLATED) {
          strm.msg = 'unknown compression method';
          state.mode = BAD;
          break;
        }
        if (state.flags & 0xe000) {
          strm.msg = 'unknown header flags set';
          state.mode = BAD;
          break;
        }
        if (state.head) {
          state.head.text = ((hold >> 8) & 1);
        }
        if ((state.flags & 0x0200) && (state.wrap & 4)) {
          //=== CRC2(state.check, hold);
          hbuf[0] = hold & 0xff;
          hbuf[1] = (hold >>> 8) & 0xff;
          state.check = crc32(state.check, hbuf, 2, 0);
          //===//
        }
        //=== INITBITS();
        hold = 0;
        bits = 0;
        //===//
        state.mode = TIME;
        /* falls through */
      case TIME:
        //=== NEEDBITS(32); */
        while (bits < 32) {
          if (have === 0) { break inf_leave; }
          have--;
          hold += input[next++] << bits;
          bits += 8;
        }
        //===//
        if (state.head) {
          state.head.time = hold;
        }
        if ((state.flags & 0x0200) && (state.wrap & 4)) {
          //=== CRC4(state.check, hold)
          hbuf[0] = hold & 0xff;
          hbuf[1] = (hold >>> 8) & 0xff;
          hbuf[2] = (hold >>> 16) & 0xff;
          hbuf[3] = (hold >>> 24) & 0xff;
          state.check = crc32(state.check, hbuf, 4, 0);
          //===
        }
        //=== INITBITS();
        hold = 0;
        bits = 0;
        //===//
        state.mode = OS;
        /* falls through */
      case OS:
        //=== NEEDBITS(16); */
        while (bits < 16) {
          if (have === 0) { break inf_leave; }
          have--;
          hold += input[next++] << bits;
          bits += 8;
        }
        //===//
        if (state.head) {
          state.head.xflags = (hold & 0xff);
          state.head.os = (hold >> 8);
        }
        if ((state.flags & 0x0200) && (state.wrap & 4)) {
          //=== CRC2(state.check, hold);
          hbuf[0] = hold & 0xff;
          hbuf[1] = (hold >>> 8) & 0xff;
          state.check = crc32(state.check, hbuf, 2, 0);
          //===//
        }
        //=== INITBITS();
        hold = 0;
        bits = 0;
        //===//
        state.mode = EXLEN;
        /* falls through */
      case EXLEN:
        if (state.flags & 0x0400) {
          //=== NEEDBITS(16); */
          while (bits < 16) {
            if (have === 0) { break inf_leave; }
            have--;
            hold += input[next++] << bits;
            bits += 8;
          }
          //===//
          state.length = hold;
          if (state.head) {
            state.head.extra_len = hold;
          }
          if ((state.flags & 0x0200) && (state.wrap & 4)) {
            //=== CRC2(state.check, hold);
            hbuf[0] = hold & 0xff;
            hbuf[1] = (hold >>> 8) & 0xff;
            state.check = crc32(state.check, hbuf, 2, 0);
            //===//
          }
          //=== INITBITS();
          hold = 0;
          bits = 0;
          //===//
        }
        else if (state.head) {
          state.head.extra = null/*Z_NULL*/;
        }
        state.mode = EXTRA;
        /* falls through */
      case EXTRA:
        if (state.flags & 0x0400) {
          copy = state.length;
          if (copy > have) { copy = have; }
          if (copy) {
            if (state.head) {
              len = state.head.extra_len - state.length;
              if (!state.head.extra) {
                // Use untyped array for more convenient processing later
                state.head.extra = new Uint8Array(state.head.extra_len);
              }
              state.head.extra.set(
                input.subarray(
                  next,
                  // extra field is limited to 65536 bytes
                  // - no need for additional size check
                  next + copy
                ),
                /*len + copy > state.head.extra_max - len ? state.head.extra_max : copy,*/
                len
              );
              //zmemcpy(state.head.extra + len, next,
              //        len + copy > state.head.extra_max ?
              //        state.head.extra_max - len : copy);
            }
            if ((state.flags & 0x0200) && (state.wrap & 4)) {
              state.check = crc32(state.check, input, copy, next);
            }
            have -= copy;
            next += copy;
            state.length -= copy;
          }
          if (state.length) { break inf_leave; }
        }
        state.length = 0;
        state.mode = NAME;
        /* falls through */
      case NAME:
        if (state.flags & 0x0800) {
          if (have === 0) { break inf_leave; }
          copy = 0;
          do {
            // TODO: 2 or 1 bytes?
            len = input[next + copy++];
            /* use constant limit because in js we should not preallocate memory */
            if (state.head && len &&
                (state.length < 65536 /*state.head.name_max*/)) {
              state.head.name += String.fromCharCode(len);
            }
          } while (len && copy < have);

          if ((state.flags & 0x0200) && (state.wrap & 4)) {
            state.check = crc32(state.check, input, copy, next);
          }
          have -= copy;
          next += copy;
          if (len) { break inf_leave; }
        }
        else if (state.head) {
          state.head.name = null;
        }
        state.length = 0;
        state.mode = COMMENT;
        /* falls through */
      case COMMENT:
        if (state.flags & 0x1000) {
          if (have === 0) { break inf_leave; }
          copy = 0;
          do {
            len = input[next + copy++];
            /* use constant limit because in js we should not preallocate memory */
            if (state.head && len &&
                (state.length < 65536 /*state.head.comm_max*/)) {
              state.head.comment += String.fromCharCode(len);
            }
          } while (len && copy < have);
          if ((state.flags & 0x0200) && (state.wrap & 4)) {
            state.check = crc32(state.check, input, copy, next);
          }
          have -= copy;
          next += copy;
          if (len) { break inf_leave; }
        }
        else if (state.head) {
          state.head.comment = null;
        }
        state.mode = HCRC;
        /* falls through */
      case HCRC:
        if (state.flags & 0x0200) {
          //=== NEEDBITS(16); */
          while (bits < 16) {
            if (have === 0) { break inf_leave; }
            have--;
            hold += input[next++] << bits;
            bits += 8;
          }
          //===//
          if ((state.wrap & 4) && hold !== (state.check & 0xffff)) {
            strm.msg = 'header crc mismatch';
            state.mode = BAD;
            break;
          }
          //=== INITBITS();
          hold = 0;
          bits = 0;
          //===//
        }
        if (state.head) {
          state.head.hcrc = ((state.flags >> 9) & 1);
          state.head.done = true;
        }
        strm.adler = state.check = 0;
        state.mode = TYPE;
        break;
      case DICTID:
        //=== NEEDBITS(32); */
        while (bits < 32) {
          if (have === 0) { break inf_leave; }
          have--;
          hold += input[next++] << bits;
          bits += 8;
        }
        //===//
        strm.adler = state.check = zswap32(hold);
        //=== INITBITS();
        hold = 0;
        bits = 0;
        //===//
        state.mode = DICT;
        /* falls through */
      case DICT:
        if (state.havedict === 0) {
          //--- RESTORE() ---
          strm.next_out = put;
          strm.avail_out = left;
          strm.next_in = next;
          strm.avail_in = have;
          state.hold = hold;
          state.bits = bits;
          //---
          return Z_NEED_DICT;
        }
        strm.adler = state.check = 1/*adler32(0L, Z_NULL, 0)*/;
        state.mode = TYPE;
        /* falls through */
      case TYPE:
        if (flush === Z_BLOCK || flush === Z_TREES) { break inf_leave; }
        /* falls through */
      case TYPEDO:
        if (state.last) {
          //--- BYTEBITS() ---//
          hold >>>= bits & 7;
          bits -= bits & 7;
          //---//
          state.mode = CHECK;
          break;
        }
        //=== NEEDBITS(3); */
        while (bits < 3) {
          if (have === 0) { break inf_leave; }
          have--;
          hold += input[next++] << bits;
          bits += 8;
        }
        //===//
        state.last = (hold & 0x01)/*BITS(1)*/;
        //--- DROPBITS(1) ---//
        hold >>>= 1;
        bits -= 1;
        //---//

        switch ((hold & 0x03)/*BITS(2)*/) {
          case 0:                             /* stored block */
            //Tracev((stderr, "inflate:     stored block%s\n",
            //        state.last ? " (last)" : ""));
            state.mode = STORED;
            break;
          case 1:                             /* fixed block */
            fixedtables(state);
            //Tracev((stderr, "inflate:     fixed codes block%s\n",
            //        state.last ? " (last)" : ""));
            state.mode = LEN_;             /* decode codes */
            if (flush === Z_TREES) {
              //--- DROPBITS(2) ---//
              hold >>>= 2;
              bits -= 2;
              //---//
              break inf_leave;
            }
            break;
          case 2:                             /* dynamic block */
            //Tracev((stderr, "inflate:     dynamic codes block%s\n",
            //        state.last ? " (last)" : ""));
            state.mode = TABLE;
            break;
          case 3:
            strm.msg = 'invalid block type';
            state.mode = BAD;
        }
        //--- DROPBITS(2) ---//
        hold >>>= 2;
        bits -= 2;
        //---//
        break;
      case STORED:
        //--- BYTEBITS() ---// /* go to byte boundary */
        hold >>>= bits & 7;
        bits -= bits & 7;
        //---//
        //=== NEEDBITS(32); */
        while (bits < 32) {
          if (have === 0) { break inf_leave; }
          have--;
          hold += input[next++] << bits;
          bits += 8;
        }
        //===//
        if ((hold & 0xffff) !== ((hold >>> 16) ^ 0xffff)) {
          strm.msg = 'invalid stored block lengths';
          state.mode = BAD;
          break;
        }
        state.length = hold & 0xffff;
        //Tracev((stderr, "inflate:       stored length %u\n",
        //        state.length));
        //=== INITBITS();
        hold = 0;
        bits = 0;
        //===//
        state.mode = COPY_;
        if (flush === Z_TREES) { break inf_leave; }
        /* falls through */
      case COPY_:
        state.mode = COPY;
        /* falls through */
      case COPY:
        copy = state.length;
        if (copy) {
          if (copy > have) { copy = have; }
          if (copy > left) { copy = left; }
          if (copy === 0) { break inf_leave; }
          //--- zmemcpy(put, next, copy); ---
          output.set(input.subarray(next, next + copy), put);
          //---//
          have -= copy;
          next += copy;
          left -= copy;
          put += copy;
          state.length -= copy;
          break;
        }
        //Tracev((stderr, "inflate:       stored end\n"));
        state.mode = TYPE;
        break;
      case TABLE:
        //=== NEEDBITS(14); */
        while (bits < 14) {
          if (have === 0) { break inf_leave; }
          have--;
          hold += input[next++] << bits;
          bits += 8;
        }
        //===//
        state.nlen = (hold & 0x1f)/*BITS(5)*/ + 257;
        //--- DROPBITS(5) ---//
        hold >>>= 5;
        bits -= 5;
        //---//
        state.ndist = (hold & 0x1f)/*BITS(5)*/ + 1;
        //--- DROPBITS(5) ---//
        hold >>>= 5;
        bits -= 5;
        //---//
        state.ncode = (hold & 0x0f)/*BITS(4)*/ + 4;
        //--- DROPBITS(4) ---//
        hold >>>= 4;
        bits -= 4;
        //---//
//#ifndef PKZIP_BUG_WORKAROUND
        if (state.nlen > 286 || state.ndist > 30) {
          strm.msg = 'too many length or distance symbols';
          state.mode = BAD;
          break;
        }
//#endif
        //Tracev((stderr, "inflate:       table sizes ok\n"));
        state.have = 0;
        state.mode = LENLENS;
        /* falls through */
      case LENLENS:
        while (state.have < state.ncode) {
          //=== NEEDBITS(3);
          while (bits < 3) {
            if (have === 0) { break inf_leave; }
            have--;
            hold += input[next++] << bits;
            bits += 8;
          }
          //===//
          state.lens[order[state.have++]] = (hold & 0x07);//BITS(3);
          //--- DROPBITS(3) ---//
          hold >>>= 3;
          bits -= 3;
          //---//
        }
        while (state.have < 19) {
          state.lens[order[state.have++]] = 0;
        }
        // We have separate tables & no pointers. 2 commented lines below not needed.
        //state.next = state.codes;
        //state.lencode = state.next;
        // Switch to use dynamic table
        state.lencode = state.lendyn;
        state.lenbits = 7;

        opts = { bits: state.lenbits };
        ret = inflate_table(CODES, state.lens, 0, 19, state.lencode, 0, state.work, opts);
        state.lenbits = opts.bits;

        if (ret) {
          strm.msg = 'invalid code lengths set';
          state.mode = BAD;
          break;
        }
        //Tracev((stderr, "inflate:       code lengths ok\n"));
        state.have = 0;
        state.mode = CODELENS;
        /* falls through */
      case CODELENS:
        while (state.have < state.nlen + state.ndist) {
          for (;;) {
            here = state.lencode[hold & ((1 << state.lenbits) - 1)];/*BITS(state.lenbits)*/
            here_bits = here >>> 24;
            here_op = (here >>> 16) & 0xff;
            here_val = here & 0xffff;

            if ((here_bits) <= bits) { break; }
            //--- PULLBYTE() ---//
            if (have === 0) { break inf_leave; }
            have--;
            hold += input[next++] << bits;
            bits += 8;
            //---//
          }
          if (here_val < 16) {
            //--- DROPBITS(here.bits) ---//
            hold >>>= here_bits;
            bits -= here_bits;
            //---//
            state.lens[state.have++] = here_val;
          }
          else {
            if (here_val === 16) {
              //=== NEEDBITS(here.bits + 2);
              n = here_bits + 2;
              while (bits < n) {
                if (have === 0) { break inf_leave; }
                have--;
                hold += input[next++] << bits;
                bits += 8;
              }
              //===//
              //--- DROPBITS(here.bits) ---//
              hold >>>= here_bits;
              bits -= here_bits;
              //---//
              if (state.have === 0) {
                strm.msg = 'invalid bit length repeat';
                state.mode = BAD;
                break;
              }
              len = state.lens[state.have - 1];
              copy = 3 + (hold & 0x03);//BITS(2);
              //--- DROPBITS(2) ---//
              hold >>>= 2;
              bits -= 2;
              //---//
            }
            else if (here_val === 17) {
              //=== NEEDBITS(here.bits + 3);
              n = here_bits + 3;
              while (bits < n) {
                if (have === 0) { break inf_leave; }
                have--;
                hold += input[next++] << bits;
                bits += 8;
              }
              //===//
              //--- DROPBITS(here.bits) ---//
              hold >>>= here_bits;
              bits -= here_bits;
              //---//
              len = 0;
              copy = 3 + (hold & 0x07);//BITS(3);
              //--- DROPBITS(3) ---//
              hold >>>= 3;
              bits -= 3;
              //---//
            }
            else {
              //=== NEEDBITS(here.bits + 7);
              n = here_bits + 7;
              while (bits < n) {
                if (have === 0) { break inf_leave; }
                have--;
                hold += input[next++] << bits;
                bits += 8;
              }
              //===//
              //--- DROPBITS(here.bits) ---//
              hold >>>= here_bits;
              bits -= here_bits;
              //---//
              len = 0;
              copy = 11 + (hold & 0x7f);//BITS(7);
              //--- DROPBITS(7) ---//
              hold >>>= 7;
              bits -= 7;
              //---//
            }
            if (state.have + copy > state.nlen + state.ndist) {
              strm.msg = 'invalid bit length repeat';
              state.mode = BAD;
              break;
            }
            while (copy--) {
              state.lens[state.have++] = len;
            }
          }
        }

        /* handle error breaks in while */
        if (state.mode === BAD) { break; }

        /* check for end-of-block code (better have one) */
        if (state.lens[256] === 0) {
          strm.msg = 'invalid code -- missing end-of-block';
          state.mode = BAD;
          break;
        }

        /* build code tables -- note: do not change the lenbits or distbits
           values here (9 and 6) without reading the comments in inftrees.h
           concerning the ENOUGH constants, which depend on those values */
        state.lenbits = 9;

        opts = { bits: state.lenbits };
        ret = inflate_table(LENS, state.lens, 0, state.nlen, state.lencode, 0, state.work, opts);
        // We have separate tables & no pointers. 2 commented lines below not needed.
        // state.next_index = opts.table_index;
        state.lenbits = opts.bits;
        // state.lencode = state.next;

        if (ret) {
          strm.msg = 'invalid literal/lengths set';
          state.mode = BAD;
          break;
        }

        state.distbits = 6;
        //state.distcode.copy(state.codes);
        // Switch to use dynamic table
        state.distcode = state.distdyn;
        opts = { bits: state.distbits };
        ret = inflate_table(DISTS, state.lens, state.nlen, state.ndist, state.distcode, 0, state.work, opts);
        // We have separate tables & no pointers. 2 commented lines below not needed.
        // state.next_index = opts.table_index;
        state.distbits = opts.bits;
        // state.distcode = state.next;

        if (ret) {
          strm.msg = 'invalid distances set';
          state.mode = BAD;
          break;
        }
        //Tracev((stderr, 'inflate:       codes ok\n'));
        state.mode = LEN_;
        if (flush === Z_TREES) { break inf_leave; }
        /* falls through */
      case LEN_:
        state.mode = LEN;
        /* falls through */
      case LEN:
        if (have >= 6 && left >= 258) {
          //--- RESTORE() ---
          strm.next_out = put;
          strm.avail_out = left;
          strm.next_in = next;
          strm.avail_in = have;
          state.hold = hold;
          state.bits = bits;
          //---
          inflate_fast(strm, _out);
          //--- LOAD() ---
          put = strm.next_out;
          output = strm.output;
          left = strm.avail_out;
          next = strm.next_in;
          input = strm.input;
          have = strm.avail_in;
          hold = state.hold;
          bits = state.bits;
          //---

          if (state.mode === TYPE) {
            state.back = -1;
          }
          break;
        }
        state.back = 0;
        for (;;) {
          here = state.lencode[hold & ((1 << state.lenbits) - 1)];  /*BITS(state.lenbits)*/
          here_bits = here >>> 24;
          here_op = (here >>> 16) & 0xff;
          here_val = here & 0xffff;

          if (here_bits <= bits) { break; }
          //--- PULLBYTE() ---//
          if (have === 0) { break inf_leave; }
          have--;
          hold += input[next++] << bits;
          bits += 8;
          //---//
        }
        if (here_op && (here_op & 0xf0) === 0) {
          last_bits = here_bits;
          last_op = here_op;
          last_val = here_val;
          for (;;) {
            here = state.lencode[last_val +
                    ((hold & ((1 << (last_bits + last_op)) - 1))/*BITS(last.bits + last.op)*/ >> last_bits)];
            here_bits = here >>> 24;
            here_op = (here >>> 16) & 0xff;
            here_val = here & 0xffff;

            if ((last_bits + here_bits) <= bits) { break; }
            //--- PULLBYTE() ---//
            if (have === 0) { break inf_leave; }
            have--;
            hold += input[next++] << bits;
            bits += 8;
            //---//
          }
          //--- DROPBITS(last.bits) ---//
          hold >>>= last_bits;
          bits -= last_bits;
          //---//
          state.back += last_bits;
        }
        //--- DROPBITS(here.bits) ---//
        hold >>>= here_bits;
        bits -= here_bits;
        //---//
        state.back += here_bits;
        state.length = here_val;
        if (here_op === 0) {
          //Tracevv((stderr, here.val >= 0x20 && here.val < 0x7f ?
          //        "inflate:         literal '%c'\n" :
          //        "inflate:         literal 0x%02x\n", here.val));
          state.mode = LIT;
          break;
        }
        if (here_op & 32) {
          //Tracevv((stderr, "inflate:         end of block\n"));
          state.back = -1;
          state.mode = TYPE;
          break;
        }
        if (here_op & 64) {
          strm.msg = 'invalid literal/length code';
          state.mode = BAD;
          break;
        }
        state.extra = here_op & 15;
        state.mode = LENEXT;
        /* falls through */
      case LENEXT:
        if (state.extra) {
          //=== NEEDBITS(state.extra);
          n = state.extra;
          while (bits < n) {
            if (have === 0) { break inf_leave; }
            have--;
            hold += input[next++] << bits;
            bits += 8;
          }
          //===//
          state.length += hold & ((1 << state.extra) - 1)/*BITS(state.extra)*/;
          //--- DROPBITS(state.extra) ---//
          hold >>>= state.extra;
          bits -= state.extra;
          //---//
          state.back += state.extra;
        }
        //Tracevv((stderr, "inflate:         length %u\n", state.length));
        state.was = state.length;
        state.mode = DIST;
        /* falls through */
      case DIST:
        for (;;) {
          here = state.distcode[hold & ((1 << state.distbits) - 1)];/*BITS(state.distbits)*/
          here_bits = here >>> 24;
          here_op = (here >>> 16) & 0xff;
          here_val = here & 0xffff;

          if ((here_bits) <= bits) { break; }
          //--- PULLBYTE() ---//
          if (have === 0) { break inf_leave; }
          have--;
          hold += input[next++] << bits;
          bits += 8;
          //---//
        }
        if ((here_op & 0xf0) === 0) {
          last_bits = here_bits;
          last_op = here_op;
          last_val = here_val;
          for (;;) {
            here = state.distcode[last_val +
                    ((hold & ((1 << (last_bits + last_op)) - 1))/*BITS(last.bits + last.op)*/ >> last_bits)];
            here_bits = here >>> 24;
            here_op = (here >>> 16) & 0xff;
            here_val = here & 0xffff;

            if ((last_bits + here_bits) <= bits) { break; }
            //--- PULLBYTE() ---//
            if (have === 0) { break inf_leave; }
            have--;
            hold += input[next++] << bits;
            bits += 8;
            //---//
          }
          //--- DROPBITS(last.bits) ---//
          hold >>>= last_bits;
          bits -= last_bits;
          //---//
          state.back += last_bits;
        }
        //--- DROPBITS(here.bits) ---//
        hold >>>= here_bits;
        bits -= here_bits;
        //---//
        state.back += here_bits;
        if (here_op & 64) {
          strm.msg = 'invalid distance code';
          state.mode = BAD;
          break;
        }
        state.offset = here_val;
        state.extra = (here_op) & 15;
        state.mode = DISTEXT;
        /* falls through */
      case DISTEXT:
        if (state.extra) {
          //=== NEEDBITS(state.extra);
          n = state.extra;
          while (bits < n) {
            if (have === 0) { break inf_leave; }
            have--;
            hold += input[next++] << bits;
            bits += 8;
          }
          //===//
          state.offset += hold & ((1 << state.extra) - 1)/*BITS(state.extra)*/;
          //--- DROPBITS(state.extra) ---//
          hold >>>= state.extra;
          bits -= state.extra;
          //---//
          state.back += state.extra;
        }
//#ifdef INFLATE_STRICT
        if (state.offset > state.dmax) {
          strm.msg = 'invalid distance too far back';
          state.mode = BAD;
          break;
        }
//#endif
        //Tracevv((stderr, "inflate:         distance %u\n", state.offset));
        state.mode = MATCH;
        /* falls through */
      case MATCH:
        if (left === 0) { break inf_leave; }
        copy = _out - left;
        if (state.offset > copy) {         /* copy from window */
          copy = state.offset - copy;
          if (copy > state.whave) {
            if (state.sane) {
              strm.msg = 'invalid distance too far back';
              state.mode = BAD;
              break;
            }
// (!) This block is disabled in zlib defaults,
// don't enable it for binary compatibility
//#ifdef INFLATE_ALLOW_INVALID_DISTANCE_TOOFAR_ARRR
//          Trace((stderr, "inflate.c too far\n"));
//          copy -= state.whave;
//          if (copy > state.length) { copy = state.length; }
//          if (copy > left) { copy = left; }
//          left -= copy;
//          state.length -= copy;
//          do {
//            output[put++] = 0;
//          } while (--copy);
//          if (state.length === 0) { state.mode = LEN; }
//          break;
//#endif
          }
          if (copy > state.wnext) {
            copy -= state.wnext;
            from = state.wsize - copy;
          }
          else {
            from = state.wnext - copy;
          }
          if (copy > state.length) { copy = state.length; }
          from_source = state.window;
        }
        else {                              /* copy from output */
          from_source = output;
          from = put - state.offset;
          copy = state.length;
        }
        if (copy > left) { copy = left; }
        left -= copy;
        state.length -= copy;
        do {
          output[put++] = from_source[from++];
        } while (--copy);
        if (state.length === 0) { state.mode = LEN; }
        break;
      case LIT:
        if (left === 0) { break inf_leave; }
        output[put++] = state.length;
        left--;
        state.mode = LEN;
        break;
      case CHECK:
        if (state.wrap) {
          //=== NEEDBITS(32);
          while (bits < 32) {
            if (have === 0) { break inf_leave; }
            have--;
            // Use '|' instead of '+' to make sure that result is signed
            hold |= input[next++] << bits;
            bits += 8;
          }
          //===//
          _out -= left;
          strm.total_out += _out;
          state.total += _out;
          if ((state.wrap & 4) && _out) {
            strm.adler = state.check =
                /*UPDATE_CHECK(state.check, put - _out, _out);*/
                (state.flags ? crc32(state.check, output, _out, put - _out) : adler32(state.check, output, _out, put - _out));

          }
          _out = left;
          // NB: crc32 stored as signed 32-bit int, zswap32 returns signed too
          if ((state.wrap & 4) && (state.flags ? hold : zswap32(hold)) !== state.check) {
            strm.msg = 'incorrect data check';
            state.mode = BAD;
            break;
          }
          //=== INITBITS();
          hold = 0;
          bits = 0;
          //===//
          //Tracev((stderr, "inflate:   check matches trailer\n"));
        }
        state.mode = LENGTH;
        /* falls through */
      case LENGTH:
        if (state.wrap && state.flags) {
          //=== NEEDBITS(32);
          while (bits < 32) {
            if (have === 0) { break inf_leave; }
            have--;
            hold += input[next++] << bits;
            bits += 8;
          }
          //===//
          if ((state.wrap & 4) && hold !== (state.total & 0xffffffff)) {
            strm.msg = 'incorrect length check';
            state.mode = BAD;
            break;
          }
          //=== INITBITS();
          hold = 0;
          bits = 0;
          //===//
          //Tracev((stderr, "inflate:   length matches trailer\n"));
        }
        state.mode = DONE;
        /* falls through */
      case DONE:
        ret = Z_STREAM_END;
        break inf_leave;
      case BAD:
        ret = Z_DATA_ERROR;
        break inf_leave;
      case MEM:
        return Z_MEM_ERROR;
      case SYNC:
        /* falls through */
      default:
        return Z_STREAM_ERROR;
    }
  }

  // inf_leave <- here is real place for "goto inf_leave", emulated via "break inf_leave"

  /*
     Return from inflate(), updating the total counts and the check value.
     If there was no progress during the inflate() call, return a buffer
     error.  Call updatewindow() to create and/or update the window state.
     Note: a memory error from inflate() is non-recoverable.
   */

  //--- RESTORE() ---
  strm.next_out = put;
  strm.avail_out = left;
  strm.next_in = next;
  strm.avail_in = have;
  state.hold = hold;
  state.bits = bits;
  //---

  if (state.wsize || (_out !== strm.avail_out && state.mode < BAD &&
                      (state.mode < CHECK || flush !== Z_FINISH))) {
    if (updatewindow(strm, strm.output, strm.next_out, _out - strm.avail_out)) {
      state.mode = MEM;
      return Z_MEM_ERROR;
    }
  }
  _in -= strm.avail_in;
  _out -= strm.avail_out;
  strm.total_in += _in;
  strm.total_out += _out;
  state.total += _out;
  if ((state.wrap & 4) && _out) {
    strm.adler = state.check = /*UPDATE_CHECK(state.check, strm.next_out - _out, _out);*/
      (state.flags ? crc32(state.check, output, _out, strm.next_out - _out) : adler32(state.check, output, _out, strm.next_out - _out));
  }
  strm.data_type = state.bits + (state.last ? 64 : 0) +
                    (state.mode === TYPE ? 128 : 0) +
                    (state.mode === LEN_ || state.mode === COPY_ ? 256 : 0);
  if (((_in === 0 && _out === 0) || flush === Z_FINISH) && ret === Z_OK) {
    ret = Z_BUF_ERROR;
  }
  return ret;
};


const inflateEnd = (strm) => {

  if (inflateStateCheck(strm)) {
    return Z_STREAM_ERROR;
  }

  let state = strm.state;
  if (state.window) {
    state.window = null;
  }
  strm.state = null;
  return Z_OK;
};


const inflateGetHeader = (strm, head) => {

  /* check state */
  if (inflateStateCheck(strm)) { return Z_STREAM_ERROR; }
  const state = strm.state;
  if ((state.wrap & 2) === 0) { return Z_STREAM_ERROR; }

  /* save header structure */
  state.head = head;
  head.done = false;
  return Z_OK;
};


const inflateSetDictionary = (strm, dictionary) => {
  const dictLength = dictionary.length;

  let state;
  let dictid;
  let ret;

  /* check state */
  if (inflateStateCheck(strm)) { return Z_STREAM_ERROR; }
  state = strm.state;

  if (state.wrap !== 0 && state.mode !== DICT) {
    return Z_STREAM_ERROR;
  }

  /* check for correct dictionary identifier */
  if (state.mode === DICT) {
    dictid = 1; /* adler32(0, null, 0)*/
    /* dictid = adler32(dictid, dictionary, dictLength); */
    dictid = adler32(dictid, dictionary, dictLength, 0);
    if (dictid !== state.check) {
      return Z_DATA_ERROR;
    }
  }
  /* copy dictionary to window using updatewindow(), which will amend the
   existing dictionary if appropriate */
  ret = updatewindow(strm, dictionary, dictLength, dictLength);
  if (ret) {
    state.mode = MEM;
    return Z_MEM_ERROR;
  }
  state.havedict = 1;
  // Tracev((stderr, "inflate:   dictionary set\n"));
  return Z_OK;
};


module.exports.inflateReset = inflateReset;
module.exports.inflateReset2 = inflateReset2;
module.exports.inflateResetKeep = inflateResetKeep;
module.exports.inflateInit = inflateInit;
module.exports.inflateInit2 = inflateInit2;
module.exports.inflate = inflate;
module.exports.inflateEnd = inflateEnd;
module.exports.inflateGetHeader = inflateGetHeader;
module.exports.inflateSetDictionary = inflateSetDictionary;
module.exports.inflateInfo = 'pako inflate (from Nodeca project)';

/* Not implemented
module.exports.inflateCodesUsed = inflateCodesUsed;
module.exports.inflateCopy = inflateCopy;
module.exports.inflateGetDictionary = inflateGetDictionary;
module.exports.inflateMark = inflateMark;
module.exports.inflatePrime = inflatePrime;
module.exports.inflateSync = inflateSync;
module.exports.inflateSyncPoint = inflateSyncPoint;
module.exports.inflateUndermine = inflateUndermine;
module.exports.inflateValidate = inflateValidate;
*/


/***/ }),

/***/ 611:
/***/ ((module) => {



// (C) 1995-2013 Jean-loup Gailly and Mark Adler
// (C) 2014-2017 Vitaly Puzrin and Andrey Tupitsin
//
// This software is provided 'as-is', without any express or implied
// warranty. In no event will the authors be held liable for any damages
// arising from the use of this software.
//
// Permission is granted to anyone to use this software for any purpose,
// including commercial applications, and to alter it and redistribute it
// freely, subject to the following restrictions:
//
// 1. The origin of this software must not be misrepresented; you must not
//   claim that you wrote the original software. If you use this software
//   in a product, an acknowledgment in the product documentation would be
//   appreciated but is not required.
// 2. Altered source versions must be plainly marked as such, and must not be
//   misrepresented as being the original software.
// 3. This notice may not be removed or altered from any source distribution.

const MAXBITS = 15;
const ENOUGH_LENS = 852;
const ENOUGH_DISTS = 592;
//const ENOUGH = (ENOUGH_LENS+ENOUGH_DISTS);

const CODES = 0;
const LENS = 1;
const DISTS = 2;

const lbase = new Uint16Array([ /* Length codes 257..285 base */
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
  35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258, 0, 0
]);

const lext = new Uint8Array([ /* Length codes 257..285 extra */
  16, 16, 16, 16, 16, 16, 16, 16, 17, 17, 17, 17, 18, 18, 18, 18,
  19, 19, 19, 19, 20, 20, 20, 20, 21, 21, 21, 21, 16, 199, 75
]);

const dbase = new Uint16Array([ /* Distance codes 0..29 base */
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
  257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
  8193, 12289, 16385, 24577, 0, 0
]);

const dext = new Uint8Array([ /* Distance codes 0..29 extra */
  16, 16, 16, 16, 17, 17, 18, 18, 19, 19, 20, 20, 21, 21, 22, 22,
  23, 23, 24, 24, 25, 25, 26, 26, 27, 27,
  28, 28, 29, 29, 64, 64
]);

const inflate_table = (type, lens, lens_index, codes, table, table_index, work, opts) =>
{
  const bits = opts.bits;
      //here = opts.here; /* table entry for duplication */

  let len = 0;               /* a code's length in bits */
  let sym = 0;               /* index of code symbols */
  let min = 0, max = 0;          /* minimum and maximum code lengths */
  let root = 0;              /* number of index bits for root table */
  let curr = 0;              /* number of index bits for current table */
  let drop = 0;              /* code bits to drop for sub-table */
  let left = 0;                   /* number of prefix codes available */
  let used = 0;              /* code entries in table used */
  let huff = 0;              /* Huffman code */
  let incr;              /* for incrementing code, index */
  let fill;              /* index for replicating entries */
  let low;               /* low bits for current root entry */
  let mask;              /* mask for low root bits */
  let next;             /* next available space in table */
  let base = null;     /* base value table to use */
//  let shoextra;    /* extra bits table to use */
  let match;                  /* use base and extra for symbol >= match */
  const count = new Uint16Array(MAXBITS + 1); //[MAXBITS+1];    /* number of codes of each length */
  const offs = new Uint16Array(MAXBITS + 1); //[MAXBITS+1];     /* offsets in table for each length */
  let extra = null;

  let here_bits, here_op, here_val;

  /*
   Process a set of code lengths to create a canonical Huffman code.  The
   code lengths are lens[0..codes-1].  Each length corresponds to the
   symbols 0..codes-1.  The Huffman code is generated by first sorting the
   symbols by length from short to long, and retaining the symbol order
   for codes with equal lengths.  Then the code starts with all zero bits
   for the first code of the shortest length, and the codes are integer
   increments for the same length, and zeros are appended as the length
   increases.  For the deflate format, these bits are stored backwards
   from their more natural integer increment ordering, and so when the
   decoding tables are built in the large loop below, the integer codes
   are incremented backwards.

   This routine assumes, but does not check, that all of the entries in
   lens[] are in the range 0..MAXBITS.  The caller must assure this.
   1..MAXBITS is interpreted as that code length.  zero means that that
   symbol does not occur in this code.

   The codes are sorted by computing a count of codes for each length,
   creating from that a table of starting indices for each length in the
   sorted table, and then entering the symbols in order in the sorted
   table.  The sorted table is work[], with that space being provided by
   the caller.

   The length counts are used for other purposes as well, i.e. finding
   the minimum and maximum length codes, determining if there are any
   codes at all, checking for a valid set of lengths, and looking ahead
   at length counts to determine sub-table sizes when building the
   decoding tables.
   */

  /* accumulate lengths for codes (assumes lens[] all in 0..MAXBITS) */
  for (len = 0; len <= MAXBITS; len++) {
    count[len] = 0;
  }
  for (sym = 0; sym < codes; sym++) {
    count[lens[lens_index + sym]]++;
  }

  /* bound code lengths, force root to be within code lengths */
  root = bits;
  for (max = MAXBITS; max >= 1; max--) {
    if (count[max] !== 0) { break; }
  }
  if (root > max) {
    root = max;
  }
  if (max === 0) {                     /* no symbols to code at all */
    //table.op[opts.table_index] = 64;  //here.op = (var char)64;    /* invalid code marker */
    //table.bits[opts.table_index] = 1;   //here.bits = (var char)1;
    //table.val[opts.table_index++] = 0;   //here.val = (var short)0;
    table[table_index++] = (1 << 24) | (64 << 16) | 0;


    //table.op[opts.table_index] = 64;
    //table.bits[opts.table_index] = 1;
    //table.val[opts.table_index++] = 0;
    table[table_index++] = (1 << 24) | (64 << 16) | 0;

    opts.bits = 1;
    return 0;     /* no symbols, but wait for decoding to report error */
  }
  for (min = 1; min < max; min++) {
    if (count[min] !== 0) { break; }
  }
  if (root < min) {
    root = min;
  }

  /* check for an over-subscribed or incomplete set of lengths */
  left = 1;
  for (len = 1; len <= MAXBITS; len++) {
    left <<= 1;
    left -= count[len];
    if (left < 0) {
      return -1;
    }        /* over-subscribed */
  }
  if (left > 0 && (type === CODES || max !== 1)) {
    return -1;                      /* incomplete set */
  }

  /* generate offsets into symbol table for each length for sorting */
  offs[1] = 0;
  for (len = 1; len < MAXBITS; len++) {
    offs[len + 1] = offs[len] + count[len];
  }

  /* sort symbols by length, by symbol order within each length */
  for (sym = 0; sym < codes; sym++) {
    if (lens[lens_index + sym] !== 0) {
      work[offs[lens[lens_index + sym]]++] = sym;
    }
  }

  /*
   Create and fill in decoding tables.  In this loop, the table being
   filled is at next and has curr index bits.  The code being used is huff
   with length len.  That code is converted to an index by dropping drop
   bits off of the bottom.  For codes where len is less than drop + curr,
   those top drop + curr - len bits are incremented through all values to
   fill the table with replicated entries.

   root is the number of index bits for the root table.  When len exceeds
   root, sub-tables are created pointed to by the root entry with an index
   of the low root bits of huff.  This is saved in low to check for when a
   new sub-table should be started.  drop is zero when the root table is
   being filled, and drop is root when sub-tables are being filled.

   When a new sub-table is needed, it is necessary to look ahead in the
   code lengths to determine what size sub-table is needed.  The length
   counts are used for this, and so count[] is decremented as codes are
   entered in the tables.

   used keeps track of how many table entries have been allocated from the
   provided *table space.  It is checked for LENS and DIST tables against
   the constants ENOUGH_LENS and ENOUGH_DISTS to guard against changes in
   the initial root table size constants.  See the comments in inftrees.h
   for more information.

   sym increments through all symbols, and the loop terminates when
   all codes of length max, i.e. all codes, have been processed.  This
   routine permits incomplete codes, so another loop after this one fills
   in the rest of the decoding tables with invalid code markers.
   */

  /* set up for code type */
  // poor man optimization - use if-else instead of switch,
  // to avoid deopts in old v8
  if (type === CODES) {
    base = extra = work;    /* dummy value--not used */
    match = 20;

  } else if (type === LENS) {
    base = lbase;
    extra = lext;
    match = 257;

  } else {                    /* DISTS */
    base = dbase;
    extra = dext;
    match = 0;
  }

  /* initialize opts for loop */
  huff = 0;                   /* starting code */
  sym = 0;                    /* starting code symbol */
  len = min;                  /* starting code length */
  next = table_index;              /* current table to fill in */
  curr = root;                /* current table index bits */
  drop = 0;                   /* current bits to drop from code for index */
  low = -1;                   /* trigger new sub-table when len > root */
  used = 1 << root;          /* use root table entries */
  mask = used - 1;            /* mask for comparing low */

  /* check available table space */
  if ((type === LENS && used > ENOUGH_LENS) ||
    (type === DISTS && used > ENOUGH_DISTS)) {
    return 1;
  }

  /* process all codes and make table entries */
  for (;;) {
    /* create table entry */
    here_bits = len - drop;
    if (work[sym] + 1 < match) {
      here_op = 0;
      here_val = work[sym];
    }
    else if (work[sym] >= match) {
      here_op = extra[work[sym] - match];
      here_val = base[work[sym] - match];
    }
    else {
      here_op = 32 + 64;         /* end of block */
      here_val = 0;
    }

    /* replicate for those indices with low len bits equal to huff */
    incr = 1 << (len - drop);
    fill = 1 << curr;
    min = fill;                 /* save offset to next table */
    do {
      fill -= incr;
      table[next + (huff >> drop) + fill] = (here_bits << 24) | (here_op << 16) | here_val |0;
    } while (fill !== 0);

    /* backwards increment the len-bit code huff */
    incr = 1 << (len - 1);
    while (huff & incr) {
      incr >>= 1;
    }
    if (incr !== 0) {
      huff &= incr - 1;
      huff += incr;
    } else {
      huff = 0;
    }

    /* go to next symbol, update count, len */
    sym++;
    if (--count[len] === 0) {
      if (len === max) { break; }
      len = lens[lens_index + work[sym]];
    }

    /* create new sub-table if needed */
    if (len > root && (huff & mask) !== low) {
      /* if first time, transition to sub-tables */
      if (drop === 0) {
        drop = root;
      }

      /* increment past last table */
      next += min;            /* here min is 1 << curr */

      /* determine length of next table */
      curr = len - drop;
      left = 1 << curr;
      while (curr + drop < max) {
        left -= count[curr + drop];
        if (left <= 0) { break; }
        curr++;
        left <<= 1;
      }

      /* check for enough space */
      used += 1 << curr;
      if ((type === LENS && used > ENOUGH_LENS) ||
        (type === DISTS && used > ENOUGH_DISTS)) {
        return 1;
      }

      /* point entry in root table to sub-table */
      low = huff & mask;
      /*table.op[low] = curr;
      table.bits[low] = root;
      table.val[low] = next - opts.table_index;*/
      table[low] = (root << 24) | (curr << 16) | (next - table_index) |0;
    }
  }

  /* fill in remaining table entry if code is incomplete (guaranteed to have
   at most one remaining entry, since if the code is incomplete, the
   maximum code length that was allowed to get this far is one bit) */
  if (huff !== 0) {
    //table.op[next + huff] = 64;            /* invalid code marker */
    //table.bits[next + huff] = len - drop;
    //table.val[next + huff] = 0;
    table[next + huff] = ((len - drop) << 24) | (64 << 16) |0;
  }

  /* set return parameters */
  //opts.table_index += used;
  opts.bits = root;
  return 0;
};


module.exports = inflate_table;


/***/ }),

/***/ 137:
/***/ ((module) => {



// (C) 1995-2013 Jean-loup Gailly and Mark Adler
// (C) 2014-2017 Vitaly Puzrin and Andrey Tupitsin
//
// This software is provided 'as-is', without any express or implied
// warranty. In no event will the authors be held liable for any damages
// arising from the use of this software.
//
// Permission is granted to anyone to use this software for any purpose,
// including commercial applications, and to alter it and redistribute it
// freely, subject to the following restrictions:
//
// 1. The origin of this software must not be misrepresented; you must not
//   claim that you wrote the original software. If you use this software
//   in a product, an acknowledgment in the product documentation would be
//   appreciated but is not required.
// 2. Altered source versions must be plainly marked as such, and must not be
//   misrepresented as being the original software.
// 3. This notice may not be removed or altered from any source distribution.

function ZStream() {
  /* next input byte */
  this.input = null; // JS specific, because we have no pointers
  this.next_in = 0;
  /* number of bytes available at input */
  this.avail_in = 0;
  /* total number of input bytes read so far */
  this.total_in = 0;
  /* next output byte should be put there */
  this.output = null; // JS specific, because we have no pointers
  this.next_out = 0;
  /* remaining free space at output */
  this.avail_out = 0;
  /* total number of bytes output so far */
  this.total_out = 0;
  /* last error message, NULL if no error */
  this.msg = ''/*Z_NULL*/;
  /* not visible by applications */
  this.state = null;
  /* best guess about the data type: binary or text */
  this.data_type = 2/*Z_UNKNOWN*/;
  /* adler32 value of the uncompressed data */
  this.adler = 0;
}

module.exports = ZStream;


/***/ }),

/***/ 591:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.StreamOpener = exports.OUTPUT_SIZE = exports.BLOCK_SIZE = void 0;
/**
 * The block format of archives over one block (`parallel-gzip.ts`): the tar
 * stream is cut at every BLOCK_SIZE bytes, each block is deflated on its own
 * (no preset dictionary, so any thread can take any block), and the pieces
 * are joined into ONE deflate stream, as pigz does: every piece but the last
 * ends with a sync flush (an empty stored block, `00 00 ff ff`) instead of
 * deflate's final-block mark. The bytes depend only on the input, never on
 * the number of threads.
 *
 * `openStream` turns a complete raw deflate stream (what libdeflate writes)
 * into such a piece. That needs the bit where its last deflate block starts
 * (to clear the final mark) and the bit where it ends (to append the stored
 * block right after its end-of-block code); pako's inflate finds both, as
 * it stops at every block boundary (zlib's Z_BLOCK) and reports the bits it
 * has not used.
 */
const pako = __importStar(__nccwpck_require__(958));
const zlibInflate = __importStar(__nccwpck_require__(716));
const zstream_js_1 = __importDefault(__nccwpck_require__(137));
/** Uncompressed bytes per block: part of the archive format — changing it changes every archive over 1 MiB. */
exports.BLOCK_SIZE = 1024 * 1024;
/** Room for a block's deflate output: stored blocks add 5 bytes per 5,000 at worst (libdeflate's bound), plus the flush. */
exports.OUTPUT_SIZE = exports.BLOCK_SIZE + (exports.BLOCK_SIZE >> 10) + 1024;
/** A sync flush's empty stored block after its 3 header bits and the padding: LEN 0, NLEN 0xffff. */
const STORED_EMPTY = [0x00, 0x00, 0xff, 0xff];
/** Output room for the walk: inflate keeps its own 32 KiB window, so the output only passes through. */
const SCRATCH = 64 * 1024;
/** Finds stream boundaries with one reusable inflate state and output buffer. */
class StreamOpener {
    strm = new zstream_js_1.default();
    scratch = new Uint8Array(SCRATCH);
    constructor() {
        zlibInflate.inflateInit2(this.strm, -15);
    }
    /**
     * Copies the complete raw deflate `stream` (of `length` uncompressed bytes)
     * into `out` as a piece that another stream may follow: its last block no
     * longer final, then an empty stored block. Returns the bytes written.
     */
    openStream(stream, length, out) {
        const { start, end } = this.lastBlock(stream, length);
        const endByte = end >>> 3;
        const used = end & 7;
        let n = used ? endByte + 1 : endByte;
        if (n + 5 > out.length)
            throw new Error(`deflate output of ${n} bytes exceeds its ${out.length}-byte slot`);
        out.set(stream.subarray(0, n));
        // BFINAL is the first bit of the block header; deflate packs bits from the low end of each byte.
        out[start >>> 3] &= ~(1 << (start & 7));
        // The stored block's header (BFINAL 0, BTYPE 00) follows the end-of-block code: zero bits, in this byte if three
        // are left in it, else spilling into one more; then zero padding to the byte boundary, LEN and NLEN.
        if (used)
            out[endByte] &= (1 << used) - 1;
        if (!used || used > 5)
            out[n++] = 0;
        out.set(STORED_EMPTY, n);
        return n + STORED_EMPTY.length;
    }
    /** Inflates `stream` block by block, up to the end of its final block, and returns that block's bounds. */
    lastBlock(stream, length) {
        const s = this.strm;
        const incomplete = (why) => new Error(`not a complete deflate stream of ${length} bytes${why ? `: ${why}` : ''}`);
        zlibInflate.inflateReset(s);
        s.input = stream;
        s.next_in = 0;
        s.avail_in = stream.length;
        s.output = this.scratch;
        let produced = 0;
        const room = () => {
            s.next_out = 0;
            s.avail_out = Math.min(SCRATCH, length - produced + 1);
        };
        room();
        let start = 0;
        for (;;) {
            const before = s.next_in + produced + s.next_out;
            const status = zlibInflate.inflate(s, pako.Z_BLOCK);
            if (status !== pako.Z_OK)
                throw incomplete(s.msg || status);
            // data_type: the unused bits of the last input byte, +64 once the final block's header was read, +128 at a block boundary.
            if (s.data_type & 128) {
                const at = s.next_in * 8 - (s.data_type & 63);
                if (s.data_type & 64) {
                    if (produced + s.next_out !== length || s.avail_in)
                        throw incomplete();
                    return { start, end: at };
                }
                start = at;
            }
            else if (s.next_in + produced + s.next_out === before)
                throw incomplete();
            produced += s.next_out;
            if (produced > length)
                throw incomplete();
            room();
        }
    }
}
exports.StreamOpener = StreamOpener;


/***/ }),

/***/ 257:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.libdeflateRaw = libdeflateRaw;
exports.blockJobs = blockJobs;
/**
 * What the deflate worker thread does with each block (`deflate-worker.ts` only wires its message port and
 * libdeflate to this): deflates the block in a shared slot into the slot's shared output, opened for the next block
 * unless it is the last (`block-deflate.ts`), checks it fits, and returns the reply `parallel-gzip.ts` waits for:
 * the length written, or the error. Pure, apart from the compressor it is given, so it is tested in-process.
 */
const block_deflate_1 = __nccwpck_require__(591);
/**
 * libdeflate's level-6 raw deflate of blocks up to BLOCK_SIZE, with one compressor and one input and output buffer
 * for every call; the stream returned is a view of its memory, valid until the next call.
 */
function libdeflateRaw(wasm) {
    const compressor = wasm._libdeflate_alloc_compressor(6);
    const capacity = wasm._libdeflate_deflate_compress_bound(compressor, block_deflate_1.BLOCK_SIZE);
    const input = wasm._malloc(block_deflate_1.BLOCK_SIZE);
    const output = wasm._malloc(capacity);
    if (!compressor || !input || !output)
        throw new Error('libdeflate could not allocate its compressor');
    return (block) => {
        wasm.HEAPU8.set(block, input);
        const n = wasm._libdeflate_deflate_compress(compressor, input, block.length, output, capacity);
        if (!n)
            throw new Error(`libdeflate could not compress a block of ${block.length} bytes`);
        // HEAPU8 is read again after the call: memory growth replaces it.
        return wasm.HEAPU8.subarray(output, output + n);
    };
}
/** The worker's handler: each message's block deflated into its slot with `deflate`, and the reply to send back. */
function blockJobs(deflate) {
    const opener = new block_deflate_1.StreamOpener();
    return (m) => {
        try {
            const stream = deflate(new Uint8Array(m.input, 0, m.length));
            const out = new Uint8Array(m.output);
            if (!m.last)
                return { id: m.id, length: opener.openStream(stream, m.length, out) };
            if (stream.length > out.length)
                throw new Error(`deflate output of ${stream.length} bytes exceeds its ${out.length}-byte slot`);
            out.set(stream);
            return { id: m.id, length: stream.length };
        }
        catch (err) {
            return { id: m.id, error: err.message };
        }
    };
}


/***/ }),

/***/ 706:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
/**
 * Worker-thread entry for `src/chart/parallel-gzip.ts`: wires the thread's message port and libdeflate (level 6,
 * WebAssembly: the same bytes on every CPU, about as fast as native zlib) to `deflate-job.ts`, which does the work
 * of each block and says what to reply. Built into its own bundle (dist/chart/deflate-worker/) by scripts/build.js,
 * so the main thread never loads the WebAssembly.
 */
const node_worker_threads_1 = __nccwpck_require__(919);
// The package's module itself, not its index.js, which allocates a compressor and buffers and copies the output
// per call: about 50 MiB of garbage per thread before V8 collects it (measured), against none here. The version is pinned.
const libdeflate_wasm_mjs_1 = __importDefault(__nccwpck_require__(765));
const deflate_job_1 = __nccwpck_require__(257);
const job = (0, deflate_job_1.blockJobs)((0, deflate_job_1.libdeflateRaw)((0, libdeflate_wasm_mjs_1.default)()));
node_worker_threads_1.parentPort.on('message', (m) => node_worker_threads_1.parentPort.postMessage(job(m)));


/***/ }),

/***/ 896:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__.p + "293248747edf5d37944a.js?.";

/***/ }),

/***/ 919:
/***/ ((module) => {

module.exports = require("node:worker_threads");

/***/ }),

/***/ 765:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.r(__webpack_exports__);
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   "default": () => (__WEBPACK_DEFAULT_EXPORT__)
/* harmony export */ });
const __dirname = typeof globalThis.__dirname !== 'undefined' ? globalThis.__dirname : new URL(/* asset import */ __nccwpck_require__(896), __nccwpck_require__.b).pathname;

var Module = (() => {
  var _scriptDir = require("url").pathToFileURL(__filename).href;
  
  return (
function(Module) {
  Module = Module || {};

null;var Module=typeof Module!="undefined"?Module:{};var readyPromiseResolve,readyPromiseReject;Module["ready"]=new Promise(function(resolve,reject){readyPromiseResolve=resolve;readyPromiseReject=reject});var moduleOverrides=Object.assign({},Module);var arguments_=[];var thisProgram="./this.program";var quit_=(status,toThrow)=>{throw toThrow};var ENVIRONMENT_IS_WEB=typeof window=="object";var ENVIRONMENT_IS_WORKER=typeof importScripts=="function";var ENVIRONMENT_IS_NODE=typeof process=="object"&&typeof process.versions=="object"&&typeof process.versions.node=="string";var scriptDirectory="";function locateFile(path){if(Module["locateFile"]){return Module["locateFile"](path,scriptDirectory)}return scriptDirectory+path}var read_,readAsync,readBinary,setWindowTitle;function logExceptionOnExit(e){if(e instanceof ExitStatus)return;let toLog=e;err("exiting due to exception: "+toLog)}var fs;var nodePath;var requireNodeFS;if(ENVIRONMENT_IS_NODE){if(ENVIRONMENT_IS_WORKER){scriptDirectory=require("path").dirname(scriptDirectory)+"/"}else{scriptDirectory=__dirname+"/"}requireNodeFS=(()=>{if(!nodePath){fs=require("fs");nodePath=require("path")}});read_=function shell_read(filename,binary){var ret=tryParseAsDataURI(filename);if(ret){return binary?ret:ret.toString()}requireNodeFS();filename=nodePath["normalize"](filename);return fs.readFileSync(filename,binary?undefined:"utf8")};readBinary=(filename=>{var ret=read_(filename,true);if(!ret.buffer){ret=new Uint8Array(ret)}return ret});readAsync=((filename,onload,onerror)=>{var ret=tryParseAsDataURI(filename);if(ret){onload(ret)}requireNodeFS();filename=nodePath["normalize"](filename);fs.readFile(filename,function(err,data){if(err)onerror(err);else onload(data.buffer)})});if(process["argv"].length>1){thisProgram=process["argv"][1].replace(/\\/g,"/")}arguments_=process["argv"].slice(2);process["on"]("uncaughtException",function(ex){if(!(ex instanceof ExitStatus)){throw ex}});process["on"]("unhandledRejection",function(reason){throw reason});quit_=((status,toThrow)=>{if(keepRuntimeAlive()){process["exitCode"]=status;throw toThrow}logExceptionOnExit(toThrow);process["exit"](status)});Module["inspect"]=function(){return"[Emscripten Module object]"}}else if(ENVIRONMENT_IS_WEB||ENVIRONMENT_IS_WORKER){if(ENVIRONMENT_IS_WORKER){scriptDirectory=self.location.href}else if(typeof document!="undefined"&&document.currentScript){scriptDirectory=document.currentScript.src}if(_scriptDir){scriptDirectory=_scriptDir}if(scriptDirectory.indexOf("blob:")!==0){scriptDirectory=scriptDirectory.substr(0,scriptDirectory.replace(/[?#].*/,"").lastIndexOf("/")+1)}else{scriptDirectory=""}{read_=(url=>{try{var xhr=new XMLHttpRequest;xhr.open("GET",url,false);xhr.send(null);return xhr.responseText}catch(err){var data=tryParseAsDataURI(url);if(data){return intArrayToString(data)}throw err}});if(ENVIRONMENT_IS_WORKER){readBinary=(url=>{try{var xhr=new XMLHttpRequest;xhr.open("GET",url,false);xhr.responseType="arraybuffer";xhr.send(null);return new Uint8Array(xhr.response)}catch(err){var data=tryParseAsDataURI(url);if(data){return data}throw err}})}readAsync=((url,onload,onerror)=>{var xhr=new XMLHttpRequest;xhr.open("GET",url,true);xhr.responseType="arraybuffer";xhr.onload=(()=>{if(xhr.status==200||xhr.status==0&&xhr.response){onload(xhr.response);return}var data=tryParseAsDataURI(url);if(data){onload(data.buffer);return}onerror()});xhr.onerror=onerror;xhr.send(null)})}setWindowTitle=(title=>document.title=title)}else{}var out=Module["print"]||console.log.bind(console);var err=Module["printErr"]||console.warn.bind(console);Object.assign(Module,moduleOverrides);moduleOverrides=null;if(Module["arguments"])arguments_=Module["arguments"];if(Module["thisProgram"])thisProgram=Module["thisProgram"];if(Module["quit"])quit_=Module["quit"];var wasmBinary;if(Module["wasmBinary"])wasmBinary=Module["wasmBinary"];var noExitRuntime=Module["noExitRuntime"]||true;if(typeof WebAssembly!="object"){abort("no native wasm support detected")}var wasmMemory;var ABORT=false;var EXITSTATUS;function assert(condition,text){if(!condition){abort(text)}}var buffer,HEAP8,HEAPU8,HEAP16,HEAPU16,HEAP32,HEAPU32,HEAPF32,HEAPF64;function updateGlobalBufferAndViews(buf){buffer=buf;Module["HEAP8"]=HEAP8=new Int8Array(buf);Module["HEAP16"]=HEAP16=new Int16Array(buf);Module["HEAP32"]=HEAP32=new Int32Array(buf);Module["HEAPU8"]=HEAPU8=new Uint8Array(buf);Module["HEAPU16"]=HEAPU16=new Uint16Array(buf);Module["HEAPU32"]=HEAPU32=new Uint32Array(buf);Module["HEAPF32"]=HEAPF32=new Float32Array(buf);Module["HEAPF64"]=HEAPF64=new Float64Array(buf)}var INITIAL_MEMORY=Module["INITIAL_MEMORY"]||16777216;var wasmTable;var __ATPRERUN__=[];var __ATINIT__=[];var __ATPOSTRUN__=[];var runtimeInitialized=false;var runtimeKeepaliveCounter=0;function keepRuntimeAlive(){return noExitRuntime||runtimeKeepaliveCounter>0}function preRun(){if(Module["preRun"]){if(typeof Module["preRun"]=="function")Module["preRun"]=[Module["preRun"]];while(Module["preRun"].length){addOnPreRun(Module["preRun"].shift())}}callRuntimeCallbacks(__ATPRERUN__)}function initRuntime(){runtimeInitialized=true;callRuntimeCallbacks(__ATINIT__)}function postRun(){if(Module["postRun"]){if(typeof Module["postRun"]=="function")Module["postRun"]=[Module["postRun"]];while(Module["postRun"].length){addOnPostRun(Module["postRun"].shift())}}callRuntimeCallbacks(__ATPOSTRUN__)}function addOnPreRun(cb){__ATPRERUN__.unshift(cb)}function addOnInit(cb){__ATINIT__.unshift(cb)}function addOnPostRun(cb){__ATPOSTRUN__.unshift(cb)}var runDependencies=0;var runDependencyWatcher=null;var dependenciesFulfilled=null;function addRunDependency(id){runDependencies++;if(Module["monitorRunDependencies"]){Module["monitorRunDependencies"](runDependencies)}}function removeRunDependency(id){runDependencies--;if(Module["monitorRunDependencies"]){Module["monitorRunDependencies"](runDependencies)}if(runDependencies==0){if(runDependencyWatcher!==null){clearInterval(runDependencyWatcher);runDependencyWatcher=null}if(dependenciesFulfilled){var callback=dependenciesFulfilled;dependenciesFulfilled=null;callback()}}}Module["preloadedImages"]={};Module["preloadedAudios"]={};function abort(what){{if(Module["onAbort"]){Module["onAbort"](what)}}what="Aborted("+what+")";err(what);ABORT=true;EXITSTATUS=1;what+=". Build with -s ASSERTIONS=1 for more info.";var e=new WebAssembly.RuntimeError(what);readyPromiseReject(e);throw e}var dataURIPrefix="data:application/octet-stream;base64,";function isDataURI(filename){return filename.startsWith(dataURIPrefix)}var wasmBinaryFile;wasmBinaryFile="data:application/octet-stream;base64,AGFzbQEAAAABTAtgAX8Bf2AEf39/fwBgA39/fwF/YAJ/fwF/YAF/AGAFf39/f38Bf2ADf39/AGAFf39/f38AYAZ/f39/f38AYAAAYAh/f39/f39/fwACDQIBYQFhAAABYQFiAAIDHRwCBwIIAwYCAAYFCQoEAAAEAQEBAwEFAwUDBAABBAUBcAEICAUHAQGAAoCAAgYJAX8BQbDgwAILBzUNAWMCAAFkAAwBZQAcAWYACwFnABsBaAAaAWkBAAFqABkBawAYAWwAFwFtABUBbgAPAW8ADgkNAQBBAQsHHRYUExIPDgqd9AIc8gICAn8BfgJAIAJFDQAgACABOgAAIAAgAmoiA0EBayABOgAAIAJBA0kNACAAIAE6AAIgACABOgABIANBA2sgAToAACADQQJrIAE6AAAgAkEHSQ0AIAAgAToAAyADQQRrIAE6AAAgAkEJSQ0AIABBACAAa0EDcSIEaiIDIAFB/wFxQYGChAhsIgE2AgAgAyACIARrQXxxIgRqIgJBBGsgATYCACAEQQlJDQAgAyABNgIIIAMgATYCBCACQQhrIAE2AgAgAkEMayABNgIAIARBGUkNACADIAE2AhggAyABNgIUIAMgATYCECADIAE2AgwgAkEQayABNgIAIAJBFGsgATYCACACQRhrIAE2AgAgAkEcayABNgIAIAQgA0EEcUEYciIEayICQSBJDQAgAa1CgYCAgBB+IQUgAyAEaiEBA0AgASAFNwMYIAEgBTcDECABIAU3AwggASAFNwMAIAFBIGohASACQSBrIgJBH0sNAAsLIAAL/xABDH8jAEHACWsiDCQAIAxBQGtBACAAQQJ0Ig0QAhoCQCAARQRAQX8hBQwBCyAAQQFxIQgCQCAAQQFrIgVFBEAMAQsgAEF+cSEJA0AgDEFAayIOIAIgB0ECdCIKaigCACILIAUgBSALSxtBAnRqIgsgCygCAEEBajYCACACIApBBHJqKAIAIgogBSAFIApLG0ECdCAOaiIKIAooAgBBAWo2AgAgB0ECaiEHIAZBAmoiBiAJRw0ACwsgCARAIAxBQGsgAiAHQQJ0aigCACIIIAUgBSAISxtBAnRqIgggCCgCAEEBajYCAAtBACELAkAgAEECSQ0AIAVBA3EhCUEAIQgCQCAAQQJrQQNJBEBBASEHDAELIAVBfHEhEEEBIQdBACEKA0AgDEFAayAHQQJ0aiIGKAIAIQ4gBiALNgIAIAYoAgQhDyAGIAsgDmoiCzYCBCAGKAIIIQ4gBiALIA9qIgs2AgggBigCDCEPIAYgCyAOaiIGNgIMIAYgD2ohCyAHQQRqIQcgCkEEaiIKIBBHDQALCyAJRQ0AA0AgDEFAayAHQQJ0aiIGKAIAIQogBiALNgIAIAdBAWohByAKIAtqIQsgCEEBaiIIIAlHDQALC0EAIQcDQAJAIAIgB0ECdGooAgAiCARAIAxBQGsgCCAFIAUgCEsbQQJ0aiIGIAYoAgAiBkEBajYCACAEIAZBAnRqIAhBCnQgB3I2AgAMAQsgAyAHakEAOgAACyAHQQFqIgcgAEcNAAsLAkAgDEFAayAFQQJ0aigCACAMIA1qKAI4IgJrIgdBAkkNACAEIAJBAnRqIg1BBGshCSAHQQF2IQIDQCAJIAJBAnRqKAIAIQoCQCACIggiBUEBdCIGIAdLDQADQCAJIAYgB08EfyAGBSAGQQFyIgUgBiAJIAVBAnRqKAIAIAkgBkECdGooAgBLGwsiBUECdGooAgAiBiAKTQRAIAghBQwCCyAJIAhBAnRqIAY2AgAgBSEIIAVBAXQiBiAHTQ0ACwsgCSAFQQJ0aiAKNgIAIAJBAWsiAg0ACyAHQQJJDQAgCSAHQQJ0aiICKAIAIQogAiANKAIANgIAIA0gCjYCACAHQQFrIgJBAkkNAANAQQIhBkEBIQgDQAJAIAkgAiAGTQR/IAYFIAZBAXIiBSAGIAkgBUECdGooAgAgCSAGQQJ0aigCAEsbCyIFQQJ0aigCACIGIApNBEAgCCEFDAELIAkgCEECdGogBjYCACAFIQggBUEBdCIGIAJNDQELCyAJIAVBAnRqIAo2AgAgCSACQQJ0aiIFKAIAIQogBSANKAIANgIAIA0gCjYCACACQQFrIgJBAUsNAAsLAkAgC0EBTQRAAkAgCwRAIAQoAgBB/wdxIgcNAQtBASEHCyAEQQA2AgAgA0EBOgAAIAQgB0ECdGpBATYCACADIAdqQQE6AAAMAQsgC0EBayENQQAhBUEAIQZBACEHA0ACQAJAIAVBAWoiCCANSw0AIAQgCEECdGooAgBBgHhxIQIgBiAHRwRAIAIgBCAGQQJ0aigCAEGAeHFLDQELIAQgBUECdGooAgBBgHhxIAJqIQogBUECaiEFDAELAkAgByAGQQJqIglJBEAgBkEBaiECIAQgBUECdGooAgBBgHhxIQoMAQsgBCAGQQFqIgJBAnRqIg4oAgAiD0GAeHEhECAFIA1NBEAgECAEIAVBAnRqKAIAQYB4cSIKTw0BCyAEIAZBAnRqIgIgB0EKdCIIIAIoAgAiAkH/B3FyNgIAIA4gD0H/B3EgCHI2AgAgAkGAeHEgEGohCiAJIQYMAQsgBCAGQQJ0aiIFIAUoAgAiBUH/B3EgB0EKdHI2AgAgBUGAeHEgCmohCiAIIQUgAiEGCyAEIAdBAnRqIgIgAigCAEH/B3EgCnI2AgAgB0EBaiIHIA1HDQALQQAhByAMQQAgAUECdEEEahACIglBAjYCBCALQQJ0IARqQQhrIgIgAigCAEH/B3E2AgAgC0EDayICQQBOBEADQCAEIAJBAnRqIgUgBCAFKAIAIgVBCHZB/P//B3FqKAIAQQp2QQFqIghBCnQgBUH/B3FyNgIAAkAgCCABIgVJBEAgCSAIQQJ0aigCACEGIAghBQwBCwNAIAkgBUEBayIFQQJ0aigCACIGRQ0ACwsgCSAFQQJ0aiIFIAZBAWs2AgAgBSAFKAIEQQJqNgIEIAJBAWsiAkEATg0ACwsCQCABBEAgASEFA0ACQCAJIAVBAnRqKAIAIgZFDQAgBkEBayEIQQAhAiAGQQNxIgoEQANAIAMgBCAHQQJ0aigCAEH/B3FqIAU6AAAgB0EBaiEHIAZBAWshBiACQQFqIgIgCkcNAAsLIAhBA0kNAANAIAMgBCAHQQJ0aiICKAIAQf8HcWogBToAACADIAIoAgRB/wdxaiAFOgAAIAMgAigCCEH/B3FqIAU6AAAgAyACKAIMQf8HcWogBToAACAHQQRqIQcgBkEEayIGDQALCyAFQQFrIgUNAAsgCUIANwNAQQIhByABQQJJDQEgAUEBayICQQFxIQVBACEGIAFBAkcEQCACQX5xIQhBACECA0AgB0ECdCIBIAlBQGsiC2ogBiABIAlqIgZBBGsoAgBqQQF0Igo2AgAgAUEEciALaiAGKAIAIApqQQF0IgY2AgAgB0ECaiEHIAJBAmoiAiAIRw0ACwsgBUUNASAHQQJ0IgEgCUFAa2ogASAJakEEaygCACAGakEBdDYCAAwBCyAJQgA3A0ALIABFDQBBACEHA0AgCUFAayADIAdqLQAAIgJBAnRqIgEgASgCACIBQQFqNgIAIAQgB0ECdGogAUEIdkGgzABqLQAAIAFB/wFxQaDMAGotAABBCHRyQRAgAmt2NgIAIAdBAWoiByAARw0ACwsgDEHACWokAAuBBAEDfyACQYAETwRAIAAgASACEAEaIAAPCyAAIAJqIQMCQCAAIAFzQQNxRQRAAkAgAEEDcUUEQCAAIQIMAQsgAkUEQCAAIQIMAQsgACECA0AgAiABLQAAOgAAIAFBAWohASACQQFqIgJBA3FFDQEgAiADSQ0ACwsCQCADQXxxIgRBwABJDQAgAiAEQUBqIgVLDQADQCACIAEoAgA2AgAgAiABKAIENgIEIAIgASgCCDYCCCACIAEoAgw2AgwgAiABKAIQNgIQIAIgASgCFDYCFCACIAEoAhg2AhggAiABKAIcNgIcIAIgASgCIDYCICACIAEoAiQ2AiQgAiABKAIoNgIoIAIgASgCLDYCLCACIAEoAjA2AjAgAiABKAI0NgI0IAIgASgCODYCOCACIAEoAjw2AjwgAUFAayEBIAJBQGsiAiAFTQ0ACwsgAiAETw0BA0AgAiABKAIANgIAIAFBBGohASACQQRqIgIgBEkNAAsMAQsgA0EESQRAIAAhAgwBCyAAIANBBGsiBEsEQCAAIQIMAQsgACECA0AgAiABLQAAOgAAIAIgAS0AAToAASACIAEtAAI6AAIgAiABLQADOgADIAFBBGohASACQQRqIgIgBE0NAAsLIAIgA0kEQANAIAIgAS0AADoAACABQQFqIQEgAkEBaiICIANHDQALCyAAC9ElAQ9/IAEoAgQhDiABKAIAIQ8gASgCDCEHIAEoAgghBiAAEBEgAEGkL2ooAgAiE0EDbCAAKALwIyAAQYglai0AAGxqIABB9CNqKAIAIABBiSVqLQAAbGogAEH4I2ooAgAgAEGKJWotAABsaiAAQfwjaigCACAAQYslai0AAGxqIABBgCRqKAIAIABBjCVqLQAAbGogAEGEJGooAgAgAEGNJWotAABsaiAAQYgkaigCACAAQY4lai0AAGxqIABBjCRqKAIAIABBjyVqLQAAbGogAEGQJGooAgAgAEGQJWotAABsaiAAQZQkaigCACAAQZElai0AAGxqIABBmCRqKAIAIABBkiVqLQAAbGogAEGcJGooAgAgAEGTJWotAABsaiAAQaAkaigCACAAQZQlai0AAGxqIABBpCRqKAIAIABBlSVqLQAAbGogAEGoJGooAgAgAEGWJWotAABsaiAAQawkaigCACAAQZclai0AAGxqIABBsCRqKAIAIABBmCVqLQAAQQJqbGogAEG0JGooAgAgAEGZJWotAABBA2psaiAAQbgkaigCACAAQZolai0AAEEHamxqQRFqIQkgByAHIAZrIgdBAyAHQQNIG2shESAAQfAUaiESIABBGGohDEEDIQsDQCAMIApBAnRqKAIAIhAgCiASai0AAGwgCWogDCAKQQFqIgdBAnRqKAIAIg0gByASai0AAGxqIAwgCkECaiIIQQJ0aigCACIHIAggEmotAABsaiEJIBBBA3QgC2ogDUEDdGogB0EDdGohCyAKQQNqIgpBkAFHDQALQZABIQoDQCAMIApBAnRqKAIAIg0gCiASai0AAGwgCWogDCAKQQFyIghBAnRqKAIAIgcgCCASai0AAGxqIQkgDUEJbCALaiAHQQlsaiELIApBAmoiCkGAAkcNAAsgAEGwIWohDSALQQdqIQsgCSAAQfAWai0AAGohCUGBAiEKA0AgDCAKQQJ0aigCACIIIApBv8wAai0AACIHIAogDWotAABqbCALaiELIAogEmotAAAgB2ogCGwgCWohCSAKQQFqIgpBngJHDQALQQAhCCAAQZAXaiESIABBmAlqIQwDQCAMIAhBAnRqKAIAIhAgCEHgzgBqLQAAIg0gCCASai0AAGpsIAlqIBIgCEEBciIHai0AACAHQeDOAGotAAAiCmogDCAHQQJ0aigCACIHbGohCSANQQVqIBBsIAtqIApBBWogB2xqIQsgCEECaiIIQR5HDQALIAEoAgwgBmsgDiAJIAsgA0H+/wNqQf//A25BKGwgA0EDdGpBBSAOa0EHcXJBBWsiCiAKIAtLGyIHIAcgCUsbIgdqQQdqQQN2SQRAIAFBAToAEA8LIAIgA2ohCCAAQfAjaiEUAkAgByAKRgRAIAYgBUGAgAQgA0GAgARIIgAbIA50IA9yOgAAIANB//8DIAAbIQAgDkEGSQR/IAZBAWoFIAZBADoAASAGQQJqCyIGIAA7AAAgBiAAQX9zOwACIAZBBGogAiAAEAQgAGohBkEAIQogACADRgRAQQAhCAwCCyAAIAJqIQcDQCAGIAggB2siAEH//wMgAEGAgARIIgAbIgI7AAEgBiAAIAVxOgAAIAYgAkF/czsAAyAGQQVqIAcgAhAEIAJqIQYgAiAHaiIHIAhHDQALQQAhCAwBCwJAIAcgC0YEQCAFIA50IA9yQQEgDkEBanRyIQkgDkEDaiEIIABBsBdqIQ8CQCAGIBFPBEAgCEEISQRAIAghBwwECyAOQQVrIgtBA3ZBAWpBB3EiBQRAQQAhBwNAIAYgCToAACAJQQh2IQkgCEEIayEIIAZBAWohBiAHQQFqIgcgBUcNAAsLIAtBOE8NASAIIQcMAwsgBiAJNgAAIAhBB3EhByAGIAhBA3ZqIQYgCSAIQXhxdiEJDAILA0AgBkEANgAEIAYgCToAACAGIAlBGHY6AAMgBiAJQRB2OgACIAYgCUEIdjoAASAGQQhqIQZBACEJIAhBQGoiCEEHSw0ACyAIIQcMAQsgBSAOdCAPckECIA5BAWp0ciATQQRrIA5BDWp0ciAAQZwvaigCAEGBAmsgDkEDanRyIABBoC9qKAIAQQFrIA5BCGp0ciEJIA5BEWohByAAQagvaigCACENAkAgBiARTwRAIAdBCEkNASAOQQlqIgtBA3ZBAWpBB3EiBQRAQQAhCANAIAYgCToAACAJQQh2IQkgB0EIayEHIAZBAWohBiAIQQFqIgggBUcNAAsLIAtBOEkNASAJIQgDQEEAIQkgBkEANgAEIAYgCDoAACAGIAhBGHY6AAMgBiAIQRB2OgACIAYgCEEIdjoAASAGQQhqIQZBACEIIAdBQGoiB0EHSw0ACwwBCyAGIAk2AAAgBiAHQQN2aiEGIAkgB0F4cXYhCSAHQQdxIQcLIABB8ApqIQ8gE0EBIBNBAUsbIQtBACEKA0AgB0EDaiEFIAAgCkGAzwBqLQAAakGIJWotAAAgB3QgCXIhCQJAIAYgEU8EQCAHQQRLIQggBSEHIAhFDQEDQCAGIAk6AAAgCUEIdiEJIAZBAWohBiAHQQhrIgdBB0sNAAsMAQsgBiAJNgAAIAVBB3EhByAGIAVBA3ZqIQYgCSAFQXhxdiEJCyAKQQFqIgogC0cNAAsgDUEBIA1BAUsbIQ1BACEKIABB8CNqIQwDQCAHIAwgDCAKQQJ0aigCrAEiC0EfcSIQai0AmAFqIgggEEGgzgBqLQAAaiEFIAwgEEECdGooAkwgB3QgCXIgC0EFdiAIdHIhCQJAIAYgEU8EQCAFIgdBB00NAQNAIAYgCToAACAJQQh2IQkgBkEBaiEGIAdBCGsiB0EHSw0ACwwBCyAGIAk2AAAgBUEHcSEHIAYgBUEDdmohBiAJIAVBeHF2IQkLIApBAWoiCiANRw0ACwsgAEH8K2ohEiAPQYAKaiEMQQMhCANAIBQgCEECdGogCCAIQZDIAGotAAAiCkECdEGg0ABqKAIAayAMIApBgQJqIgtqIgUtAAB0IA8gC0ECdGooAgByNgIAIAggEmogCkHAzgBqLQAAIAUtAABqOgAAIAhBAWoiCEGDAkcNAAsCQCAEBEADQCAEKAIAIghB////A3EiCgRAA0AgCkEBayEKIAcgDCACLQAAIgVqLQAAIgNqIQAgDyAFQQJ0aigCACAHdCAJciELAkAgBiARTwRAIABBCEkEQCAAIQcgCyEJDAILIAMgB2ohA0EAIQkgACEHIANBCGsiA0EDdkEBakEHcSIABEADQCAGIAs6AAAgC0EIdiELIAdBCGshByAGQQFqIQYgCUEBaiIJIABHDQALCyALIQkgA0E4SQ0BA0BBACEJIAZBADYABCAGIAs6AAAgBiALQRh2OgADIAYgC0EQdjoAAiAGIAtBCHY6AAEgBkEIaiEGQQAhCyAHQUBqIgdBB0sNAAsMAQsgBiALNgAAIABBB3EhByAGIABBA3ZqIQYgCyAAQXhxdiEJCyACQQFqIQIgCg0ACwsgCEGAgIAESQ0CIAcgEiAIQRd2Ig1qLQAAIgNqIQggFCANQQJ0aigCACAHdCAJciEKIAQvAQYhECAELwEEIQsCQCAGIBFPBEAgCEEISQRAIAohBwwCC0EAIQAgAyAHakEIayIFQQN2QQFqQQdxIgMEQANAIAYgCjoAACAKQQh2IQogCEEIayEIIAZBAWohBiAAQQFqIgAgA0cNAAsLIAohByAFQThJDQEDQEEAIQcgBkEANgAEIAYgCjoAACAGIApBGHY6AAMgBiAKQRB2OgACIAYgCkEIdjoAASAGQQhqIQZBACEKIAhBQGoiCEEHSw0ACwwBCyAGIAo2AAAgBiAIQQN2aiEGIAogCEF4cXYhByAIQQdxIQgLIAggDyAQakGgDGotAAAiAGohCiAPIBBBAnQiCWpBgAlqKAIAIAh0IAdyIQcCQCAGIBFPBEAgCkEISQRAIAchCAwCC0EAIQUgACAIakEIayIDQQN2QQFqQQdxIgAEQANAIAYgBzoAACAHQQh2IQcgCkEIayEKIAZBAWohBiAFQQFqIgUgAEcNAAsLIAchCCADQThJDQEDQEEAIQggBkEANgAEIAYgBzoAACAGIAdBGHY6AAMgBiAHQRB2OgACIAYgB0EIdjoAASAGQQhqIQZBACEHIApBQGoiCkEHSw0ACwwBCyAGIAc2AAAgBiAKQQN2aiEGIAcgCkF4cXYhCCAKQQdxIQoLIAogEEHgzgBqLQAAIgBqIQcgCyAJQaDPAGooAgBrIAp0IAhyIQgCQCAGIBFPBEAgB0EISQRAIAghCQwCC0EAIQkgACAKakEIayIDQQN2QQFqQQdxIgAEQANAIAYgCDoAACAIQQh2IQggB0EIayEHIAZBAWohBiAJQQFqIgkgAEcNAAsLIAghCSADQThJDQEDQEEAIQkgBkEANgAEIAYgCDoAACAGIAhBGHY6AAMgBiAIQRB2OgACIAYgCEEIdjoAASAGQQhqIQZBACEIIAdBQGoiB0EHSw0ACwwBCyAGIAg2AAAgBiAHQQN2aiEGIAggB0F4cXYhCSAHQQdxIQcLIARBCGohBCACIA1qIQIMAAsACyAAQcTajgNqIgogA0EDdGohDQNAIAooAgQiAkEJdiETAkACQAJAAkAgAkH/A3EiEEEBRgRAIAcgDCATai0AACIEaiEDIA8gE0ECdGooAgAgB3QgCXIhAiAGIBFJDQEgA0EISQRAIAMhByACIQkMBQsgBCAHaiEEQQAhCyADIQcgBEEIayIEQQN2QQFqQQdxIgMEQANAIAYgAjoAACACQQh2IQIgB0EIayEHIAZBAWohBiALQQFqIgsgA0cNAAsLIAIhCSAEQThJDQQDQEEAIQkgBkEANgAEIAYgAjoAACAGIAJBGHY6AAMgBiACQRB2OgACIAYgAkEIdjoAASAGQQhqIQZBACECIAdBQGoiB0EHSw0ACwwECyAHIBAgEmotAAAiA2ohCCAUIBBBAnRqKAIAIAd0IAlyIQIgACATakGc86MEai0AACELIAYgEUkNASAIQQhJBEAgAiEHDAMLQQAhBSADIAdqQQhrIgRBA3ZBAWpBB3EiAwRAA0AgBiACOgAAIAJBCHYhAiAIQQhrIQggBkEBaiEGIAVBAWoiBSADRw0ACwsgAiEHIARBOEkNAgNAQQAhByAGQQA2AAQgBiACOgAAIAYgAkEYdjoAAyAGIAJBEHY6AAIgBiACQQh2OgABIAZBCGohBkEAIQIgCEFAaiIIQQdLDQALDAILIAYgAjYAACADQQdxIQcgBiADQQN2aiEGIAIgA0F4cXYhCQwCCyAGIAI2AAAgBiAIQQN2aiEGIAIgCEF4cXYhByAIQQdxIQgLIAggCyAPakGgDGotAAAiBGohAiAPIAtBAnQiCWpBgAlqKAIAIAh0IAdyIQcCQCAGIBFPBEAgAkEISQRAIAchCAwCC0EAIQMgBCAIakEIayIFQQN2QQFqQQdxIgQEQANAIAYgBzoAACAHQQh2IQcgAkEIayECIAZBAWohBiADQQFqIgMgBEcNAAsLIAchCCAFQThJDQEDQEEAIQggBkEANgAEIAYgBzoAACAGIAdBGHY6AAMgBiAHQRB2OgACIAYgB0EIdjoAASAGQQhqIQZBACEHIAJBQGoiAkEHSw0ACwwBCyAGIAc2AAAgBiACQQN2aiEGIAcgAkF4cXYhCCACQQdxIQILIAIgC0HgzgBqLQAAIgNqIQcgEyAJQaDPAGooAgBrIAJ0IAhyIQggBiARTwRAIAdBCEkEQCAIIQkMAgtBACELIAIgA2pBCGsiA0EDdkEBakEHcSICBEADQCAGIAg6AAAgCEEIdiEIIAdBCGshByAGQQFqIQYgC0EBaiILIAJHDQALCyAIIQkgA0E4SQ0BA0BBACEJIAZBADYABCAGIAg6AAAgBiAIQRh2OgADIAYgCEEQdjoAAiAGIAhBCHY6AAEgBkEIaiEGQQAhCCAHQUBqIgdBB0sNAAsMAQsgBiAINgAAIAYgB0EDdmohBiAIIAdBeHF2IQkgB0EHcSEHCyAKIBBBA3RqIgogDUcNAAsLIAcgD0GADGotAAAiAGohCiAPKAKACCAHdCAJciEIIAYgEU8EQCAKQQhJDQEgACAHakEIayICQQN2QQFqQQdxIgAEQEEAIQcDQCAGIAg6AAAgCEEIdiEIIApBCGshCiAGQQFqIQYgB0EBaiIHIABHDQALCyACQThJDQEgCCEHA0BBACEIIAZBADYABCAGIAc6AAAgBiAHQRh2OgADIAYgB0EQdjoAAiAGIAdBCHY6AAEgBkEIaiEGQQAhByAKQUBqIgpBB0sNAAsMAQsgBiAINgAAIAYgCkEDdmohBiAIIApBeHF2IQggCkEHcSEKCyABIAY2AgggASAKNgIEIAEgCDYCAAuKBgEUfwJ/AkAgACgCVCIFRQRAIAAoAkwhByAAKAJIIQMgACgCRCEIIABBQGsoAgAhCSAAKAI8IQogACgCOCELIAAoAjQhDCAAKAIwIQ0gACgCUCECIAAoAiQhDiAAKAIgIQ8gACgCHCEQIAAoAhghESAAKAIUIRIgACgCECETIAAoAgwhFCAAKAIIIRUMAQsgACgCJCIOIAVsIgIgACgCUCIEIAAoAkwiB2wiA2sgAyACayACIANLGyAAKAIEIAVsIgIgBCAAKAIsbCIDayADIAJrIAIgA0sbIAAoAgAgBWwiAiAEIAAoAihsIgNrIAMgAmsgAiADSxtqIAAoAggiFSAFbCICIAQgACgCMCINbCIDayADIAJrIAIgA0sbaiAAKAIMIhQgBWwiAiAEIAAoAjQiDGwiA2sgAyACayACIANLG2ogACgCECITIAVsIgIgBCAAKAI4IgtsIgNrIAMgAmsgAiADSxtqIAAoAhQiEiAFbCICIAQgACgCPCIKbCIDayADIAJrIAIgA0sbaiAAKAIYIhEgBWwiAiAEIABBQGsoAgAiCWwiA2sgAyACayACIANLG2ogACgCHCIQIAVsIgIgBCAAKAJEIghsIgNrIAMgAmsgAiADSxtqIAAoAiAiDyAFbCICIAQgACgCSCIDbCIGayAGIAJrIAIgBksbamohBiAEIAVqIQIgBEHIAWxBCXYgBWwhBAJAIAFBj84ASw0AIAJB/z9LDQAgBCAErUGAwAAgAmutfkINiKdqIQQLQQEgBiAFIAFBDHZsaiAETw0BGgsgAEIANwIIIABCADcCECAAQgA3AhggACgCBCEBIAAoAgAhBSAAQgA3AgAgACANIBVqNgIwIAAgDCAUajYCNCAAIAsgE2o2AjggACAKIBJqNgI8IABBQGsgCSARajYCACAAIAggEGo2AkQgACADIA9qNgJIIAAgBSAAKAIoajYCKCAAIAEgACgCLGo2AiwgACAHIA5qNgJMIABBADYCICAAIAI2AlQgAEEANgIkIABBADYCUEEACwvyAwEMfyAAQcTajgNqIgcgAUEDdGoiCkEANgIAIABBhNGjBGohDCAAQcAvaiELIAohAwNAIAJBBGsiAS8BACEIIAwgAS8BAiIGQQJ0aigCACEEIANBCGsiA0EEaiAGQQl0QQFyNgIAIAQgBWohBSAIBH9BAyEBIAhBf3MiDSEJA0AgCyALIAIgCUECdGoiBi8BAiIEakHcw6MEai0AAEECdGpB0LGjBGooAgAhDiAEQQl0IQggBi8BACEGA0AgBSADIAFBA3RqKAIAIAAgAUECdGpBhNmjBGooAgAgDmpqIgRLBEAgAyABIAhyNgIEIAQhBQsgAUEBaiIBIAZNDQALIAlBAWoiCUF/Rw0ACyACIA1BAnRqBSABCyECIAMgBTYCACADIAdHDQALIABBGGpBAEGAChACIQMDQCAHKAIEIgFBCXYhBCABQf8DcSICQQFGBH8gAyAEQQJ0agUgAkGQyABqLQAAQQJ0IANqQYQIaiIBIAEoAgBBAWo2AgAgACAAIARqQZzzowRqLQAAQQJ0akGYCWoLIgEgASgCAEEBajYCACAHIAJBA3RqIgcgCkcNAAsgAEGYCGoiASABKAIAQQFqNgIAQaACQQ4gAyAAQfAUaiAAQfAKahADQSBBDyAAQZgJaiAAQZAXaiAAQfATahADC6QDAQN/IAEgAEEEaiIEakEBa0EAIAFrcSIFIAJqIAAgACgCACIBakEEa00EfyAAKAIEIgMgACgCCDYCCCAAKAIIIAM2AgQgBCAFRwRAIAAgAEEEaygCAEF+cWsiAyAFIARrIgQgAygCAGoiBTYCACAFQXxxIANqQQRrIAU2AgAgACAEaiIAIAEgBGsiATYCAAsCQCABIAJBGGpPBEAgACACakEIaiIDIAEgAmtBCGsiATYCACABQXxxIANqQQRrIAFBAXI2AgAgAwJ/IAMoAgBBCGsiAUH/AE0EQCABQQN2QQFrDAELIAFnIQQgAUEdIARrdkEEcyAEQQJ0a0HuAGogAUH/H00NABogAUEeIARrdkECcyAEQQF0a0HHAGoiAUE/IAFBP0kbCyIBQQR0IgRBkNgAajYCBCADIARBmNgAaiIEKAIANgIIIAQgAzYCACADKAIIIAM2AgRBmOAAQZjgACkDAEIBIAGthoQ3AwAgACACQQhqIgE2AgAgAUF8cSAAakEEayABNgIADAELIAAgAWpBBGsgATYCAAsgAEEEagVBAAsL7wMBBX8Cf0GA2AAoAgAiASAAQQNqQXxxIgNqIQICQCADQQAgASACTxsNACACPwBBEHRLBEAgAhAARQ0BC0GA2AAgAjYCACABDAELQaDgAEEwNgIAQX8LIgJBf0cEQCAAIAJqIgNBEGsiAUEQNgIMIAFBEDYCAAJAAn9BkOAAKAIAIgAEfyAAKAIIBUEACyACRgRAIAIgAkEEaygCAEF+cWsiBEEEaygCACEFIAAgAzYCCEFwIAQgBUF+cWsiACAAKAIAakEEay0AAEEBcUUNARogACgCBCIDIAAoAgg2AgggACgCCCADNgIEIAAgASAAayIBNgIADAILIAJBEDYCDCACQRA2AgAgAiADNgIIIAIgADYCBEGQ4AAgAjYCAEEQCyACaiIAIAEgAGsiATYCAAsgAUF8cSAAakEEayABQQFyNgIAIAACfyAAKAIAQQhrIgFB/wBNBEAgAUEDdkEBawwBCyABQR0gAWciA2t2QQRzIANBAnRrQe4AaiABQf8fTQ0AGiABQR4gA2t2QQJzIANBAXRrQccAaiIBQT8gAUE/SRsLIgFBBHQiA0GQ2ABqNgIEIAAgA0GY2ABqIgMoAgA2AgggAyAANgIAIAAoAgggADYCBEGY4ABBmOAAKQMAQgEgAa2GhDcDAAsgAkF/RwvVAgECfwJAIAAgAUYNACABIAAgAmoiBGtBACACQQF0a00EQCAAIAEgAhAEGg8LIAAgAXNBA3EhAwJAAkAgACABSQRAIAMNAiAAQQNxRQ0BA0AgAkUNBCAAIAEtAAA6AAAgAUEBaiEBIAJBAWshAiAAQQFqIgBBA3ENAAsMAQsCQCADDQAgBEEDcQRAA0AgAkUNBSAAIAJBAWsiAmoiAyABIAJqLQAAOgAAIANBA3ENAAsLIAJBA00NAANAIAAgAkEEayICaiABIAJqKAIANgIAIAJBA0sNAAsLIAJFDQIDQCAAIAJBAWsiAmogASACai0AADoAACACDQALDAILIAJBA00NAANAIAAgASgCADYCACABQQRqIQEgAEEEaiEAIAJBBGsiAkEDSw0ACwsgAkUNAANAIAAgAS0AADoAACAAQQFqIQAgAUEBaiEBIAJBAWsiAg0ACwsLsAIBA38jAEEgayIFJAACfyACIAAoAgxNBEACfwJAIAIEQCABIAJqIQYgAyAEaiEEIAMhAANAQQAgBiABayICQf//AyACQYCABEgiBxsiAkEFaiAEIABrSw0DGiAAIAI7AAEgACACQX9zOwADIAAgBzoAACAAQQVqIAEgAhAEIAJqIQAgASACaiIBIAZHDQALIAAgA2shAAwBC0EAIQAgBEEFSQ0AIANBgIB8NgABIANBAToAAEEFDAELIAALDAELIAVBADoAGCAFQgA3AwggBSADNgIQIAUgAyAEajYCFCAAIAEgAiAFQQhqIAAoAgARAQBBACAFLQAYDQAaIAUoAgwEQCAFIAUoAhAiAEEBajYCECAAIAUoAgg6AAALIAUoAhAgA2sLIQAgBUEgaiQAIAALPQEDfwNAIABBBHQiAUGU2ABqIAFBkNgAaiICNgIAIAFBmNgAaiACNgIAIABBAWoiAEHAAEcNAAtBMBAJGgvjLwIafwR+IwBBEGsiEiQAIABB5IOmBGooAgAhFCAAQRhqQQBBgAoQAiEJAkAgA0UNACADQQFrQQNPBEAgA0F8cSELA0AgCSACIAhqLQAAQQJ0aiIMIAwoAgBBAWo2AgAgCSACIAhBAXJqLQAAQQJ0aiIMIAwoAgBBAWo2AgAgCSACIAhBAnJqLQAAQQJ0aiIMIAwoAgBBAWo2AgAgCSACIAhBA3JqLQAAQQJ0aiIMIAwoAgBBAWo2AgAgCEEEaiEIIApBBGoiCiALRw0ACwsgA0EDcSILRQ0AQQAhCgNAIAkgAiAIai0AAEECdGoiDCAMKAIAQQFqNgIAIAhBAWohCCAKQQFqIgogC0cNAAsLIABBmAhqQQE2AgBBoAJBDiAJIABB8BRqIg8gAEHwCmoiFhADQSBBDyAAQZgJaiIXIABBkBdqIhggAEHwE2oiGRADIAAQECETAkAgA0GBAmoiCEHnzhIgCEHnzhJJGyILIANJDQAgCyADIghrIgxBAWpBB3EiDgRAQQAhCgNAIAAgCEEDdGpBxNqOA2pBgICAgHg2AgAgCEEBaiEIIApBAWoiCiAORw0ACwsgDEEHSQ0AIABBxNqOA2ohDANAIAwgCEEDdGoiCkGAgICAeDYCACAKQYCAgIB4NgIwIApBgICAgHg2AiggCkGAgICAeDYCICAKQYCAgIB4NgIYIApBgICAgHg2AhAgCkGAgICAeDYCCCAMIAhBB2oiCkEDdGpBgICAgHg2AgAgCEEIaiEIIAogC0cNAAsLQX8hESADIABB8IOmBGooAgBNBEAgAEGQ4qMEaiAAQYTRowRqIgpBjBEQBCENIABBsCFqIQtBACEIA0AgCiAIQQJ0aiAIIAtqLQAAIgxBDSAMG0EEdDYCACAKIAhBAXIiDEECdGogCyAMai0AACIMQQ0gDBtBBHQ2AgAgCEECaiIIQYACRw0AC0EDIQgDQCAAIAhBAnRqQYTZowRqIAhBkMgAai0AACIMIAtqLQCBAiIOQQ0gDhsgDEHAzgBqLQAAakEEdDYCACAIQQFqIghBgwJHDQALQQAhCCAAQZDhowRqIQsgAEHQI2ohDANAIAsgCEECdGogCEHgzgBqLQAAIAggDGotAAAiDkEKIA4bakEEdDYCACALIAhBAXIiDkECdGogDkHgzgBqLQAAIAwgDmotAAAiDkEKIA4bakEEdDYCACAIQQJqIghBHkcNAAsgACADIAQQByAAQcTajgNqKAIAIQggCiANQYwREAQaIAhBBHZBB2ohEQtBACEIIAlBAEGACBACIQ4CQCADRQ0AIANBAWtBA08EQCADQXxxIQlBACEKA0AgDiACIAhqLQAAQQJ0aiILIAsoAgBBAWo2AgAgDiACIAhBAXJqLQAAQQJ0aiILIAsoAgBBAWo2AgAgDiACIAhBAnJqLQAAQQJ0aiILIAsoAgBBAWo2AgAgDiACIAhBA3JqLQAAQQJ0aiILIAsoAgBBAWo2AgAgCEEEaiEIIApBBGoiCiAJRw0ACwsgA0EDcSIJRQ0AQQAhCgNAIA4gAiAIai0AAEECdGoiCyALKAIAQQFqNgIAIAhBAWohCCAKQQFqIgogCUcNAAsLIANBC3YhCEEAIQlBACEKA0AgCiAOIAlBAnQiC2ooAgAgCEtqIA4gC0EEcmooAgAgCEtqIA4gC0EIcmooAgAgCEtqIA4gC0EMcmooAgAgCEtqIQogCUEEaiIJQYACRw0AC0GDAgJ/QQMgCkEBIAobIhBBzwBLDQAaIBBBoNEAai0AACIIIAAoAhAiCUEPSw0AGiAIQQQgEEEta0EjSRsgCUEETQ0AGiAIQQUgEEEQa0HAAEkbIAlBCU0NABogCEEHIBBBCGtByABJGwsiCGsiCUEDcSEVQQAhCwJAIAhBgH5yQQNJBEBBACEKIAMhCQwBCyAJQfwDcSEaQQAhCiAAQdj7pQRqIQwgAyEJQQAhDQNAIAwgCEEDaiIbQQJ0aigCACIcIAwgCEECaiIdQQJ0aigCACIeIAwgCEEBaiIfQQJ0aigCACIgIAwgCEECdGooAgAiISAKampqaiEKIAkgCCAhbCAfICBsaiAdIB5saiAbIBxsamshCSAIQQRqIQggDUEEaiINIBpHDQALCyAVBEADQCAAIAhBAnRqQdj7pQRqKAIAIgwgCmohCiAJIAggDGxrIQkgCEEBaiEIIAtBAWoiCyAVRw0ACwtBACELQQIgCUEAIAlBAEobIgggCkECdEkgCCAKSRtBggJsIghB8dMAai0AACEMIAggEGpB8NEAai0AACEIAkACQAJAIAUEQCAAQYTRowRqIQUDQCAFIAtBAnQiCWogCDYCACAFIAlBBHJqIAg2AgAgBSAJQQhyaiAINgIAIAUgCUEMcmogCDYCACAFIAlBEHJqIAg2AgAgBSAJQRRyaiAINgIAIAUgCUEYcmogCDYCACAFIAlBHHJqIAg2AgAgC0EIaiILQYACRw0AC0EDIQgDQCAAIAhBAnRqIgVBiNmjBGogCEGRyABqLQAAQcDOAGotAABBBHQgDGo2AgAgBUGE2aMEaiAIQZDIAGotAABBwM4Aai0AAEEEdCAMajYCACAIQQJqIghBgwJHDQALDAELIABB7ApqNQIAIiQgAEGk86UEajUCAH4iIiAAQcjzpQRqNQIAIiUgAEHECmo1AgB+IiN9ICMgIn0gIiAjVhsgAEGg86UEajUCACAkfiIiIABBwApqNQIAICV+IiN9ICMgIn0gIiAjVht8IABBqPOlBGo1AgAgJH4iIiAAQcgKajUCACAlfiIjfSAjICJ9ICIgI1YbfCAAQazzpQRqNQIAICR+IiIgAEHMCmo1AgAgJX4iI30gIyAifSAiICNWG3wgAEGw86UEajUCACAkfiIiIABB0ApqNQIAICV+IiN9ICMgIn0gIiAjVht8IABBtPOlBGo1AgAgJH4iIiAAQdQKajUCACAlfiIjfSAjICJ9ICIgI1YbfCAAQbjzpQRqNQIAICR+IiIgAEHYCmo1AgAgJX4iI30gIyAifSAiICNWG3wgAEG886UEajUCACAkfiIiIABB3ApqNQIAICV+IiN9ICMgIn0gIiAjVht8IABBwPOlBGo1AgAgJH4iIiAAQeAKajUCACAlfiIjfSAjICJ9ICIgI1YbfCAAQcTzpQRqNQIAICR+IiIgAEHkCmo1AgAgJX4iI30gIyAifSAiICNWG3wiIiAkICV+QsgBfkIJiCIkQgN+IiVYDQEgAEGE0aMEaiEFA0AgBSALQQJ0IglqIAg2AgAgBSAJQQRyaiAINgIAIAUgCUEIcmogCDYCACAFIAlBDHJqIAg2AgAgBSAJQRByaiAINgIAIAUgCUEUcmogCDYCACAFIAlBGHJqIAg2AgAgBSAJQRxyaiAINgIAIAtBCGoiC0GAAkcNAAtBAyEIA0AgACAIQQJ0aiIFQYjZowRqIAhBkcgAai0AAEHAzgBqLQAAQQR0IAxqNgIAIAVBhNmjBGogCEGQyABqLQAAQcDOAGotAABBBHQgDGo2AgAgCEECaiIIQYMCRw0ACwsgAEGA4qMEakKegoCA4CM3AgAgAEH44aMEakKOgoCA4CE3AgAgAEHw4aMEakL+gYCA4B83AgAgAEHo4aMEakLugYCA4B03AgAgAEHg4aMEakLegYCA4Bs3AgAgAEHY4aMEakLOgYCA4Bk3AgAgAEHQ4aMEakK+gYCA4Bc3AgAgAEHI4aMEakKugYCA4BU3AgAgAEHA4aMEakKegYCA4BM3AgAgAEG44aMEakKOgYCA4BE3AgAgAEGw4aMEakL+gICA4A83AgAgAEGo4aMEakLugICA4A03AgAgAEGg4aMEakLegICA4As3AgAgAEGY4aMEakLOgICA4Ak3AgAgAEGQ4aMEakLOgICA4Ak3AgAMAQsgJEIJfiAiQgKGVARAQQMhCiAIQQNsIQUgAEGE0aMEaiEIQQAhDQNAIAggDUECdCIJaiILIAsoAgAgBWpBAnY2AgAgCCAJQQRyaiILIAsoAgAgBWpBAnY2AgAgCCAJQQhyaiILIAsoAgAgBWpBAnY2AgAgCCAJQQxyaiIJIAkoAgAgBWpBAnY2AgAgDUEEaiINQYACRw0ACwNAIAAgCkECdGoiBUGE2aMEaiIIIAgoAgAgCkGQyABqLQAAQcDOAGotAABBBHQgDGpBA2xqQQJ2NgIAIAVBiNmjBGoiBSAFKAIAIApBkcgAai0AAEHAzgBqLQAAQQR0IAxqQQNsakECdjYCACAKQQJqIgpBgwJHDQALQQAhCCAAQZDhowRqIQUDQCAFIAhBAnRqIgkgCSgCACAIQeDOAGotAABBMGxqQeoBakECdjYCACAFIAhBAXIiCUECdGoiCiAKKAIAIAlB4M4Aai0AAEEwbGpB6gFqQQJ2NgIAIAhBAmoiCEEeRw0ACwwBCyAlICJCAYYiIlQEQCAIQQVsIQUgAEGE0aMEaiEJQQAhDQNAQQMhCCAJIA1BAnQiCmoiCyALKAIAQQNsIAVqQQN2NgIAIAkgCkEEcmoiCyALKAIAQQNsIAVqQQN2NgIAIAkgCkEIcmoiCyALKAIAQQNsIAVqQQN2NgIAIAkgCkEMcmoiCiAKKAIAQQNsIAVqQQN2NgIAIA1BBGoiDUGAAkcNAAsDQCAAIAhBAnRqIgVBhNmjBGoiCSAIQZDIAGotAABBwM4Aai0AAEEEdCAMakEFbCAJKAIAQQNsakEDdjYCACAFQYjZowRqIgUgCEGRyABqLQAAQcDOAGotAABBBHQgDGpBBWwgBSgCAEEDbGpBA3Y2AgAgCEECaiIIQYMCRw0AC0EAIQggAEGQ4aMEaiEFA0AgBSAIQQJ0aiIJIAhB4M4Aai0AAEHQAGwgCSgCAEEDbGpBhgNqQQN2NgIAIAUgCEEBciIJQQJ0aiIKIAlB4M4Aai0AAEHQAGwgCigCAEEDbGpBhgNqQQN2NgIAIAhBAmoiCEEeRw0ACwwBCyAAQYTRowRqIQVBACEJICIgJFYEQANAIAUgCUECdCIKaiILIAsoAgAgCGpBAXY2AgAgBSAKQQRyaiILIAsoAgAgCGpBAXY2AgAgBSAKQQhyaiILIAsoAgAgCGpBAXY2AgAgBSAKQQxyaiIKIAooAgAgCGpBAXY2AgAgCUEEaiIJQYACRw0AC0EDIQgDQCAAIAhBAnRqIgVBhNmjBGoiCSAJKAIAIAxqIAhBkMgAai0AAEHAzgBqLQAAQQR0akEBdjYCACAFQYjZowRqIgUgBSgCACAMaiAIQZHIAGotAABBwM4Aai0AAEEEdGpBAXY2AgAgCEECaiIIQYMCRw0AC0EAIQggAEGQ4aMEaiEFA0AgBSAIQQJ0aiIJIAkoAgAgCEHgzgBqLQAAQQR0akHOAGpBAXY2AgAgBSAIQQFyIglBAnRqIgogCigCACAJQeDOAGotAABBBHRqQc4AakEBdjYCACAIQQJqIghBHkcNAAsMAQsDQEEDIQsgBSAJQQJ0IgpqIg0gDSgCAEEDbCAIakECdjYCACAFIApBBHJqIg0gDSgCAEEDbCAIakECdjYCACAFIApBCHJqIg0gDSgCAEEDbCAIakECdjYCACAFIApBDHJqIgogCigCAEEDbCAIakECdjYCACAJQQRqIglBgAJHDQALA0AgACALQQJ0aiIFQYTZowRqIgggC0GQyABqLQAAQcDOAGotAABBBHQgDGogCCgCAEEDbGpBAnY2AgAgBUGI2aMEaiIFIAtBkcgAai0AAEHAzgBqLQAAQQR0IAxqIAUoAgBBA2xqQQJ2NgIAIAtBAmoiC0GDAkcNAAtBACEIIABBkOGjBGohBQNAIAUgCEECdGoiCSAJKAIAQQNsIAhB4M4Aai0AAEEEdGpBzgBqQQJ2NgIAIAUgCEEBciIJQQJ0aiIKIAooAgBBA2wgCUHgzgBqLQAAQQR0akHOAGpBAnY2AgAgCEECaiIIQR5HDQALCyAAQYTRowRqIQkgAEGQ4qMEaiELIABBkOGjBGohCiAAQZAXaiEMQX8hCANAAkAgACADIAQQByAAEBAiBSAAKALog6YEaiAISw0AIAsgCUGMERAEGkEAIQgDQCAJIAhBAnRqIAggD2otAAAiDUENIA0bQQR0NgIAIAkgCEEBciINQQJ0aiANIA9qLQAAIg1BDSANG0EEdDYCACAIQQJqIghBgAJHDQALQQMhCANAIAAgCEECdGpBhNmjBGogCEGQyABqLQAAIg0gD2otAIECIhBBDSAQGyANQcDOAGotAABqQQR0NgIAIAhBAWoiCEGDAkcNAAtBACEIA0AgCiAIQQJ0aiAIQeDOAGotAAAgCCAMai0AACINQQogDRtqQQR0NgIAIAogCEEBciINQQJ0aiANQeDOAGotAAAgDCANai0AACINQQogDRtqQQR0NgIAIAhBAmoiCEEeRw0ACyAFIQggFEEBayIUDQELC0EAIQogB0EAOgAAAkACQCAIIBMgESARIBNLG0sEQCARIBNLBEBBACEIIA5BAEGAChACIQQCQCADRQ0AIANBAWtBA08EQCADQXxxIQUDQCAEIAIgCGotAABBAnRqIgsgCygCAEEBajYCACAEIAIgCEEBcmotAABBAnRqIgsgCygCAEEBajYCACAEIAIgCEECcmotAABBAnRqIgsgCygCAEEBajYCACAEIAIgCEEDcmotAABBAnRqIgsgCygCAEEBajYCACAIQQRqIQggCkEEaiIKIAVHDQALCyADQQNxIgVFDQBBACEKA0AgBCACIAhqLQAAQQJ0aiILIAsoAgBBAWo2AgAgCEEBaiEIIApBAWoiCiAFRw0ACwsgAEEBNgKYCEGgAkEOIAQgDyAWEANBIEEPIBcgGCAZEANBACEIA0AgCSAIQQJ0aiAIIA9qLQAAIgRBDSAEG0EEdDYCACAJIAhBAXIiBEECdGogBCAPai0AACIEQQ0gBBtBBHQ2AgAgCEECaiIIQYACRw0AC0EDIQgDQCAAIAhBAnRqQYTZowRqIAhBkMgAai0AACIEIA9qLQCBAiIFQQ0gBRsgBEHAzgBqLQAAakEEdDYCACAIQQFqIghBgwJHDQALQQAhCCAAQZDhowRqIQQgAEGQF2ohBQNAIAQgCEECdGogCEHgzgBqLQAAIAUgCGotAAAiCUEKIAkbakEEdDYCACAEIAhBAXIiCUECdGogCUHgzgBqLQAAIAUgCWotAAAiCUEKIAkbakEEdDYCACAIQQJqIghBHkcNAAsgEiADNgIIIAdBAToAACASQQhqIQoMAwsgAEGwIWohBUEAIQgDQCAJIAhBAnRqIAUgCGotAAAiB0ENIAcbQQR0NgIAIAkgCEEBciIHQQJ0aiAFIAdqLQAAIgdBDSAHG0EEdDYCACAIQQJqIghBgAJHDQALQQMhCANAIAAgCEECdGpBhNmjBGogCEGQyABqLQAAIgcgBWotAIECIglBDSAJGyAHQcDOAGotAABqQQR0NgIAIAhBAWoiCEGDAkcNAAtBACEIIABBkOGjBGohBSAAQdAjaiEHA0AgBSAIQQJ0aiAIQeDOAGotAAAgByAIai0AACIJQQogCRtqQQR0NgIAIAUgCEEBciIJQQJ0aiAJQeDOAGotAAAgByAJai0AACIJQQogCRtqQQR0NgIAIAhBAmoiCEEeRw0ACyAAIAMgBBAHDAELIAUgAEHsg6YEaigCACAIakkNASAJIAtBjBEQBCEFIAAgAyAEEAdBACEIA0AgBSAIQQJ0aiAIIA9qLQAAIgRBDSAEG0EEdDYCACAFIAhBAXIiBEECdGogBCAPai0AACIEQQ0gBBtBBHQ2AgAgCEECaiIIQYACRw0AC0EDIQgDQCAAIAhBAnRqQYTZowRqIAhBkMgAai0AACIEIA9qLQCBAiIFQQ0gBRsgBEHAzgBqLQAAakEEdDYCACAIQQFqIghBgwJHDQALQQAhCCAAQZDhowRqIQQgAEGQF2ohBQNAIAQgCEECdGogCEHgzgBqLQAAIAUgCGotAAAiB0EKIAcbakEEdDYCACAEIAhBAXIiB0ECdGogB0HgzgBqLQAAIAUgB2otAAAiB0EKIAcbakEEdDYCACAIQQJqIghBHkcNAAsLCyAAIAEgAiADIAogBhAFIBJBEGokAAvQAgEFfyAABEAgAEEEayIBKAIAIgUhAyABIQIgAEEIaygCACIAIABBfnEiBEcEQCABIARrIgIoAgQiACACKAIINgIIIAIoAgggADYCBCAEIAVqIQMLIAEgBWoiBCgCACIBIAEgBGpBBGsoAgBHBEAgBCgCBCIAIAQoAgg2AgggBCgCCCAANgIEIAEgA2ohAwsgAiADNgIAIANBfHEgAmpBBGsgA0EBcjYCACACAn8gAigCAEEIayIBQf8ATQRAIAFBA3ZBAWsMAQsgAUEdIAFnIgBrdkEEcyAAQQJ0a0HuAGogAUH/H00NABogAUEeIABrdkECcyAAQQF0a0HHAGoiAEE/IABBP0kbCyIBQQR0IgBBkNgAajYCBCACIABBmNgAaiIAKAIANgIIIAAgAjYCACACKAIIIAI2AgRBmOAAQZjgACkDAEIBIAGthoQ3AwALC6wEAgZ/An4Cf0EIIQQCQAJAIABBR0sNAANAIARBCCAEQQhLGyEEQZjgACkDACIHAn8gAEEDakF8cUEIIABBCEsbIgBB/wBNBEAgAEEDdkEBawwBCyAAQR0gAGciAWt2QQRzIAFBAnRrQe4AaiAAQf8fTQ0AGiAAQR4gAWt2QQJzIAFBAXRrQccAaiIBQT8gAUE/SRsLIgOtiCIIUEUEQANAIAggCHoiCIghBwJ+IAMgCKdqIgNBBHQiAkGY2ABqKAIAIgEgAkGQ2ABqIgZHBEAgASAEIAAQCCIFDQUgASgCBCIFIAEoAgg2AgggASgCCCAFNgIEIAEgBjYCCCABIAJBlNgAaiICKAIANgIEIAIgATYCACABKAIEIAE2AgggA0EBaiEDIAdCAYgMAQtBmOAAQZjgACkDAEJ+IAOtiYM3AwAgB0IBhQsiCEIAUg0AC0GY4AApAwAhBwsCQCAHUEUEQEE/IAd5p2siBkEEdCICQZjYAGooAgAhAQJAIAdCgICAgARUDQBB4wAhAyABIAJBkNgAaiICRg0AA0AgA0UNASABIAQgABAIIgUNBSADQQFrIQMgASgCCCIBIAJHDQALIAIhAQsgAEEwahAJDQEgAUUNBCABIAZBBHRBkNgAaiICRg0EA0AgASAEIAAQCCIFDQQgASgCCCIBIAJHDQALDAQLIABBMGoQCUUNAwtBACEFIAQgBEEBa3ENASAAQUdNDQALCyAFDAELQQALC5gGAQZ/IAAQESAAQfAUaiIDIABBnC9qKAIAIgFqQQBBoAIgAWsQAhogAEGkL2ooAgBBA2wgACgC8CMgAEGIJWotAABsaiAAQfQjaigCACAAQYklai0AAGxqIABB+CNqKAIAIABBiiVqLQAAbGogAEH8I2ooAgAgAEGLJWotAABsaiAAQYAkaigCACAAQYwlai0AAGxqIABBhCRqKAIAIABBjSVqLQAAbGogAEGIJGooAgAgAEGOJWotAABsaiAAQYwkaigCACAAQY8lai0AAGxqIABBkCRqKAIAIABBkCVqLQAAbGogAEGUJGooAgAgAEGRJWotAABsaiAAQZgkaigCACAAQZIlai0AAGxqIABBnCRqKAIAIABBkyVqLQAAbGogAEGgJGooAgAgAEGUJWotAABsaiAAQaQkaigCACAAQZUlai0AAGxqIABBqCRqKAIAIABBliVqLQAAbGogAEGsJGooAgAgAEGXJWotAABsaiAAQbAkaigCACAAQZglai0AAEECamxqIABBtCRqKAIAIABBmSVqLQAAQQNqbGogAEG4JGooAgAgAEGaJWotAABBB2psakEOaiEBIABBGGohBAN/IAQgAkECdGooAgAgAiADai0AAGwgAWohBUGBAiEBIAJBAXIiBkGBAkYEfwN/IAQgAUECdGooAgAgAUG/zABqLQAAIAEgA2otAABqbCAFaiECIAFBAWoiBUGeAkYEf0EAIQEgAEGQF2ohAyAAQZgJaiEAA0AgACABQQJ0aigCACABQeDOAGotAAAgASADai0AAGpsIAJqIAFBAXIiAkHgzgBqLQAAIAIgA2otAABqIAAgAkECdGooAgBsaiECIAFBAmoiAUEeRw0ACyACBSAEIAVBAnRqKAIAIAFBwMwAai0AACADIAVqLQAAamwgAmohBSABQQJqIQEMAQsLBSAEIAZBAnRqKAIAIAMgBmotAABsIAVqIAQgAkECciIBQQJ0aigCACABIANqLQAAbGogBCACQQNyIgFBAnRqKAIAIAEgA2otAABsaiEBIAJBBGohAgwBCwsLhxMBDX9BoAIhASAAQZwvakGgAjYCAAJAIABBjxdqLQAAIgMNAEGfAiEBIABBnwI2ApwvIABBjhdqLQAADQBBngIhASAAQZ4CNgKcLyAAQY0Xai0AAA0AQZ0CIQEgAEGdAjYCnC8gAEGMF2otAAANAEGcAiEBIABBnAI2ApwvIABBixdqLQAADQBBmwIhASAAQZsCNgKcLyAAQYoXai0AAA0AQZoCIQEgAEGaAjYCnC8gAEGJF2otAAANAEGZAiEBIABBmQI2ApwvIABBiBdqLQAADQBBmAIhASAAQZgCNgKcLyAAQYcXai0AAA0AQZcCIQEgAEGXAjYCnC8gAEGGF2otAAANAEGWAiEBIABBlgI2ApwvIABBhRdqLQAADQBBlQIhASAAQZUCNgKcLyAAQYQXai0AAA0AQZQCIQEgAEGUAjYCnC8gAEGDF2otAAANAEGTAiEBIABBkwI2ApwvIABBghdqLQAADQBBkgIhASAAQZICNgKcLyAAQYEXai0AAA0AQZECIQEgAEGRAjYCnC8gAEGAF2otAAANAEGQAiEBIABBkAI2ApwvIABB/xZqLQAADQBBjwIhASAAQY8CNgKcLyAAQf4Wai0AAA0AQY4CIQEgAEGOAjYCnC8gAEH9FmotAAANAEGNAiEBIABBjQI2ApwvIABB/BZqLQAADQBBjAIhASAAQYwCNgKcLyAAQfsWai0AAA0AQYsCIQEgAEGLAjYCnC8gAEH6FmotAAANAEGKAiEBIABBigI2ApwvIABB+RZqLQAADQBBiQIhASAAQYkCNgKcLyAAQfgWai0AAA0AQYgCIQEgAEGIAjYCnC8gAEH3FmotAAANAEGHAiEBIABBhwI2ApwvIABB9hZqLQAADQBBhgIhASAAQYYCNgKcLyAAQfUWai0AAA0AQYUCIQEgAEGFAjYCnC8gAEH0FmotAAANAEGEAiEBIABBhAI2ApwvIABB8xZqLQAADQBBgwIhASAAQYMCNgKcLyAAQfIWai0AAA0AIABBggJBgQIgAEHxFmotAAAbIgE2ApwvC0EgIQIgAEGgL2pBIDYCAAJAIABBrxdqLQAADQBBHyECIABBHzYCoC8gAEGuF2otAAANAEEeIQIgAEEeNgKgLyAAQa0Xai0AAA0AQR0hAiAAQR02AqAvIABBrBdqLQAADQBBHCECIABBHDYCoC8gAEGrF2otAAANAEEbIQIgAEEbNgKgLyAAQaoXai0AAA0AQRohAiAAQRo2AqAvIABBqRdqLQAADQBBGSECIABBGTYCoC8gAEGoF2otAAANAEEYIQIgAEEYNgKgLyAAQacXai0AAA0AQRchAiAAQRc2AqAvIABBphdqLQAADQBBFiECIABBFjYCoC8gAEGlF2otAAANAEEVIQIgAEEVNgKgLyAAQaQXai0AAA0AQRQhAiAAQRQ2AqAvIABBoxdqLQAADQBBEyECIABBEzYCoC8gAEGiF2otAAANAEESIQIgAEESNgKgLyAAQaEXai0AAA0AQREhAiAAQRE2AqAvIABBoBdqLQAADQBBECECIABBEDYCoC8gAEGfF2otAAANAEEPIQIgAEEPNgKgLyAAQZ4Xai0AAA0AQQ4hAiAAQQ42AqAvIABBnRdqLQAADQBBDSECIABBDTYCoC8gAEGcF2otAAANAEEMIQIgAEEMNgKgLyAAQZsXai0AAA0AQQshAiAAQQs2AqAvIABBmhdqLQAADQBBCiECIABBCjYCoC8gAEGZF2otAAANAEEJIQIgAEEJNgKgLyAAQZgXai0AAA0AQQghAiAAQQg2AqAvIABBlxdqLQAADQBBByECIABBBzYCoC8gAEGWF2otAAANAEEGIQIgAEEGNgKgLyAAQZUXai0AAA0AQQUhAiAAQQU2AqAvIABBlBdqLQAADQBBBCECIABBBDYCoC8gAEGTF2otAAANAEEDIQIgAEEDNgKgLyAAQZIXai0AAA0AIABBAkEBIABBkRdqLQAAGyICNgKgLwsgAEHwFGohCCADRQRAIAEgCGogAEGQF2ogAhAKIAAoAqAvIQIgACgCnC8hAQtBACEDIABB8CNqQQBBzAAQAiEJIAEgAmoiCkEBayELIABBnCVqIgwhAgNAIAMgCGotAAAhBSADIQEDQAJAIAogASIGQQFqIgFGBEAgCyEGIAohAQwBCyAFIAEgCGotAABGDQELCyABIANrIQQgCgJ/AkAgBUUEQCAEQQtPBEADQCAAIAAoArgkQQFqNgK4JCACIARBC2siBEH/ACAEQf8ASRsiBEEFdEEScjYCACACQQRqIQIgASADIARqQQtqIgNrIgRBCksNAAsLIARBA0kNASAAIAAoArQkQQFqNgK0JCACIARBBXRBzwBrNgIAIAJBBGohAiABDAILIARBBEkNACAJIAVBAnRqIgQgBCgCAEEBajYCACACIAU2AgAgBkECayEEIANBAWohAyACQQRqIQIDQCAAIAAoArAkQQFqNgKwJCACIAQgA2siB0EDIAdBA0kbIgdBBXRBEHI2AgAgAkEEaiECIAEgAyAHakEDaiIDa0ECSw0ACwsgASABIANGDQAaIAkgBUECdGohAUEAIQQgBiADayIHQQFqQQNxIg0EQANAIAEgASgCAEEBajYCACACIAU2AgAgA0EBaiEDIAJBBGohAiAEQQFqIgQgDUcNAAsLIAdBA08EQANAIAEgASgCAEEBajYCACACIAU2AgAgASABKAIAQQFqNgIAIAIgBTYCBCABIAEoAgBBAWo2AgAgAiAFNgIIIAEgASgCAEEBajYCACACIAU2AgwgAkEQaiECIANBA2ohBCADQQRqIQMgBCAGRw0ACwsgBkEBagsiA0cNAAsgAEGoL2ogAiAMa0ECdTYCAEETQQcgCSAAQYglaiAAQbwkahADIAACf0ETIABBlyVqLQAADQAaQRIgAEGJJWotAAANABpBESAAQZYlai0AAA0AGkEQIABBiiVqLQAADQAaQQ8gAEGVJWotAAANABpBDiAAQYslai0AAA0AGkENIABBlCVqLQAADQAaQQwgAEGMJWotAAANABpBCyAAQZMlai0AAA0AGkEKIABBjSVqLQAADQAaQQkgAEGSJWotAAANABpBCCAAQY4lai0AAA0AGkEHIABBkSVqLQAADQAaQQYgAEGPJWotAAANABpBBUEEIABBkCVqLQAAGws2AqQvIAAoApwvIgFBoAJHBEAgAEGQF2ogASAIaiAAKAKgLxAKCwvsIgEkfyMAQZACayIVJAAgACgCFCELIBVBADoADyACQYCAAiACQYCAAkkbIQwgAEHAL2ohCSABIAJqIRsDQCAJIARBAXQiAmpBgIACOwEAIAkgAkECcmpBgIACOwEAIAkgAkEEcmpBgIACOwEAIAkgAkEGcmpBgIACOwEAIAkgAkEIcmpBgIACOwEAIAkgAkEKcmpBgIACOwEAIAkgAkEMcmpBgIACOwEAIAkgAkEOcmpBgIACOwEAIARBCGoiBEGAgAxHDQALIABBmApqQQBB2AAQAiEhIABBzPOlBGpBAEGYEBACISVBggIhDiALQYICIAtBggJJGyEPIABB2PulBGohJiAAQcDKjgNqIScgASAMaiEMIABB6ApqIRYgAEHACmohESAAQcCvIGoiIyELIAEiGCINIR8DQCAbIA1B4KcSaiAbIA1rQejOEkkbISRBgwIhFwJAIBUtAA8NACAAKAIQIQcgFUEQakEAQYACEAIaQQMhFyAkIA1rIgJBgARJDQAgAkGAICACQYAgSRsiBUEDcSEGQQAhBEEAIQIgBUEBa0EDTwRAIAVB/D9xIQVBACEIA0AgFUEQaiIKIAIgDWotAABqQQE6AAAgCiANIAJBAXJqLQAAakEBOgAAIAogDSACQQJyai0AAGpBAToAACAKIA0gAkEDcmotAABqQQE6AAAgAkEEaiECIAhBBGoiCCAFRw0ACwsgBgRAA0AgAiANai0AACAVQRBqakEBOgAAIAJBAWohAiAEQQFqIgQgBkcNAAsLQQAhAkEAIQQDQCAVQRBqIgUgAkEDcmotAAAgAkECciAFai0AACACQQFyIAVqLQAAIAQgAiAFai0AAGpqamohBCACQQRqIgJBgAJHDQALIARBzwBLDQAgBEGg0QBqLQAAIRcgB0EPSw0AIAdBBE0EQCAXQQQgBEEta0EjSRshFwwBCyAHQQlNBEAgF0EFIARBEGtBwABJGyEXDAELIBdBByAEQQhrQcgASRshFwtBACEcIB8hBQJ/AkADQCAbIAVrIQogBSAMRwR/IAwFQQAhBANAIAkgBEEBdCIGaiICIAIuAQAiAkEAIAJBAEobQYCAAnI7AQAgCSAGQQJyaiICIAIuAQAiAkEAIAJBAEobQYCAAnI7AQAgCSAGQQRyaiICIAIuAQAiAkEAIAJBAEobQYCAAnI7AQAgCSAGQQZyaiICIAIuAQAiAkEAIAJBAEobQYCAAnI7AQAgBEEEaiIEQYCAEEcNAAsgDCEYIAwgCkGAgAIgCkGAgAJJG2oLISICQCAKQYECSwRAIA4hCgwBCyAPIAogCiAPSxshDwtBACEOAkAgCkEFSQRAIAshBwwBCyAJIB1BAnRqIgIuAQIhFCAAKAIQIRIgBSgAASEGIAIgAi4BACIMOwECIAIgBSAYayIZOwEAIAZB////B3EhBAJ/IAsgGUGAgAJrIhMgDE4NABogBSgAAEH///8HcSICIAwgGGoiDCgAAEH///8HcUcEQCALIBMgFE4NARogCyACIBQgGGoiDCgAAEH///8HcUcNARoLIAtBAzsBACALIAUgDGs7AQIgC0EEagshByAGQb3P1vEBbCEdIARBvc/W8QFsIR4gCSAQQQF0akGAgBBqIgIuAQAhCCACIBk7AQAgCSAZQQJ0Qfz/B3FqIgJBgoAYaiEZIAJBgIAYaiEUAkACQAJAIAggE0wNAEEDISBBACEGQQAhDEEAIQIDQAJAIAggGGoiECACai0AACACIAVqLQAARw0AAkACQAJ/IAogAkEBaiIEa0EQSQRAIAQMAQsgBCAFaigAACAEIBBqKAAAcyIaDQEgBSACQQVqIgRqKAAAIAQgEGooAABzIhoNASAFIAJBCWoiBGooAAAgBCAQaigAAHMiGg0BIAUgAkENaiIEaigAACAEIBBqKAAAcyIaDQEgAkERagshAgNAIAogAiIEQQRqIgJJBEAgBCAKTw0DA0AgBCAQai0AACAEIAVqLQAARw0EIARBAWoiBCAKRw0ACyAKIQQMAwsgBCAFaigAACAEIBBqKAAAcyIaRQ0ACwsgGmhBA3YgBGohBAsgBCAgTQRAIAQhAgwBCyAHIAQ7AQAgByAFIBBrOwECIAdBBGohByAEIA9PDQMgBCICISALAn8gAiAQai0AACACIAVqLQAASQRAIBQgCDsBACAJIAhBAnRB/P8HcWpBgoAYaiIIIRQgAiEGIAwMAQsgGSAIOwEAIAkgCEECdEH8/wdxakGAgBhqIgghGSACIQwgBgshBCATIAguAQAiCE4NASAEIAIgAiAESxshAiASQQFrIhINAAsLIBRBgIACOwEAIBlBgIACOwEADAELIBQgCSAIQQJ0Qfz/B3FqIgJBgIAYai8BADsBACAZIAJBgoAYai8BADsBAAsgHUEQdiEQIB5BEHYhHSAHIAtNDQAgB0EEay8BACEOCwJAIAUgH0kNACAOIBdPBEAgIUEkQSAgDkEISxtqIgIgAigCAEEBajYCACAWIBYoAgBBAWo2AgAgACAOQQJ0akHM86UEaiICIAIoAgBBAWo2AgAgBSAOaiEfDAELICEgBS0AACICQQV2QQZxIAJBAXFyQQJ0aiICIAIoAgBBAWo2AgAgFiAWKAIAQQFqNgIAIAVBAWohHwsgByAHIAtrQQJ2OwEAIAcgBS0AADsBAiAHQQRqIQsgBUEBaiEFAkACQCAOQQNJDQAgDiAPSQ0AIA5BAWshICAKIQ4gIiEMA0AgGyAFayECIAUgDEYEQEEAIQQDQCAJIARBAXQiB2oiBiAGLgEAIgZBACAGQQBKG0GAgAJyOwEAIAkgB0ECcmoiBiAGLgEAIgZBACAGQQBKG0GAgAJyOwEAIAkgB0EEcmoiBiAGLgEAIgZBACAGQQBKG0GAgAJyOwEAIAkgB0EGcmoiBiAGLgEAIgZBACAGQQBKG0GAgAJyOwEAIARBBGoiBEGAgBBHDQALIAwiGCACQYCAAiACQYCAAkkbaiEMCyACQYECTQRAIA8gAiACIA9LGyEPIAIhDgsCQCAOQQVJDQAgACgCECEaIAUoAAEhBCAJIB1BAnRqIgIgAi8BADsBAiACIAUgGGsiBjsBACAJIBBBAXRqQYCAEGoiAi4BACEIIAIgBjsBACAEQb3P1vEBbEEQdiEQIARB////B3FBvc/W8QFsQRB2IR0gCSAGQQJ0Qfz/B3FqIgJBgoAYaiEeIAJBgIAYaiEKQQAhFAJAAkAgBkGAgAJrIiIgCE4NAEEAIQZBACEEA0ACQCAIIBhqIhMgBGotAAAiEiAEIAVqLQAAIgdHBEAgBCECDAELAkACQAJ/IA8gBEEBaiICa0EQSQRAIAIMAQsgAiAFaigAACACIBNqKAAAcyISDQEgBSAEQQVqIgJqKAAAIAIgE2ooAABzIhINASAFIARBCWoiAmooAAAgAiATaigAAHMiEg0BIAUgBEENaiICaigAACACIBNqKAAAcyISDQEgBEERagshBANAIA8gBCICQQRqIgRJBEAgAiAPTw0DA0AgAiATai0AACACIAVqLQAARw0EIAJBAWoiAiAPRw0ACwwHCyACIAVqKAAAIAIgE2ooAABzIhJFDQALCyASaEEDdiACaiECCyACIA9PDQMgAiAFai0AACEHIAIgE2otAAAhEgsCfyASQf8BcSAHQf8BcUkEQCAKIAg7AQAgCSAIQQJ0Qfz/B3FqQYKAGGoiCCEKIAIhFCAGDAELIB4gCDsBACAJIAhBAnRB/P8HcWpBgIAYaiIIIR4gAiEGIBQLIQQgIiAILgEAIghODQEgBCACIAIgBEsbIQQgGkEBayIaDQALCyAKQYCAAjsBACAeQYCAAjsBAAwBCyAKIAkgCEECdEH8/wdxaiICQYCAGGovAQA7AQAgHiACQYKAGGovAQA7AQALIAtBADsBACALIAUtAAA7AQIgC0EEaiELIAVBAWohBSAgQQFrIiANAAsMAQsgCiEOICIhDAsgBSAkTw0BIAsgJ08NASAWKAIAQYAESQ0AIAUgDWsiAkGIJ0gNACAbIAVrQYgnSA0AICEgAhAGRQRAIAAoApgKIQcgACgCnAohBiAAQgA3ApgKIAAoAqQKIQQgACgCoAohAiAAQgA3AqAKIAAgBiAAKALECmo2AsQKIAAgAiAAKALICmo2AsgKIAAgBCAAKALMCmo2AswKIAAgACgC0AogACgCqApqNgLQCiARIAcgESgCAGo2AgBBACECIABBADYCqAogACAAKALUCiAAKAKsCmo2AtQKIABBADYCrAogACAAKALYCiAAKAKwCmo2AtgKIABBADYCsAogACAAKALcCiAAKAK0Cmo2AtwKIABBADYCtAogACAAKALgCiAAKAK4Cmo2AuAKIABBADYCuAogACAAKALkCiAAKAK8Cmo2AuQKIABBADYCvAogACAAKALsCiAWKAIAajYC7AogFkEANgIAA0AgACACQQJ0aiIHQczzpQRqIgQoAgAhBiAEQQA2AgAgB0HY+6UEaiIEIAYgBCgCAGo2AgAgAkEBciIEQYMCRgRAIAUhHAwDBSAAIARBAnRqIgdBzPOlBGoiBCgCACEGIARBADYCACAHQdj7pQRqIgQgBiAEKAIAajYCACACQQJqIQIMAQsACwALCyAcRQ0AQQAhCCALIQIgBSAcayIEQQNxIgYEQANAIAJBBGsiAiACLwEAQQJ0ayECIARBAWshBCAIQQFqIgggBkcNAAsLIBxBf3MgBWpBA08EQANAIAIgAkEEay8BAEECdGtBCGsiAiACLwEAQQJ0a0EEayICIAIvAQBBAnRrQQRrIgIgAi8BAEECdGshAiAEQQRrIgQNAAsLIAAgAyANIBwgDWsgAiABIA1GQQAgFUEPahANICMgAiALIAJrIgIQCiAAIBEoAgA2AqDzpQQgACAAKQLECjcCpPOlBCAAIAApAswKNwKs86UEIAAgACkC1Ao3ArTzpQQgACAAKQLcCjcCvPOlBCAAIAAoAuQKNgLE86UEIAAgACgC7Ao2AsjzpQQgEUIANwIYIBFCADcCECARQgA3AgggEUIANwIAIBFCADcCICAAQQA2AuwKICZBAEGMCBACGiAAIAJqQcCvIGoMAQsgACgCmAohByAAKAKcCiEGIABCADcCmAogACgCpAohBCAAKAKgCiECIABCADcCoAogACAGIAAoAsQKajYCxAogACACIAAoAsgKajYCyAogACAEIAAoAswKajYCzAogACAAKALQCiAAKAKoCmo2AtAKIBEgByARKAIAajYCAEEAIQIgAEEANgKoCiAAIAAoAtQKIAAoAqwKajYC1AogAEEANgKsCiAAIAAoAtgKIAAoArAKajYC2AogAEEANgKwCiAAIAAoAtwKIAAoArQKajYC3AogAEEANgK0CiAAIAAoAuAKIAAoArgKajYC4AogAEEANgK4CiAAIAAoAuQKIAAoArwKajYC5AogAEEANgK8CiAAIAAoAuwKIBYoAgBqNgLsCiAWQQA2AgADQCAAIAJBAnRqIgdBzPOlBGoiBCgCACEGIARBADYCACAHQdj7pQRqIgQgBiAEKAIAajYCACACQQFyIgRBgwJGRQRAIAAgBEECdGoiB0HM86UEaiIEKAIAIQYgBEEANgIAIAdB2PulBGoiBCAGIAQoAgBqNgIAIAJBAmohAgwBCwsgACADIA0gBSANayALIAEgDUYgBSAbRiAVQQ9qEA0gACARKAIANgKg86UEIAAgACkCxAo3AqTzpQQgACAAKQLMCjcCrPOlBCAAIAApAtQKNwK086UEIAAgACkC3Ao3ArzzpQQgACAAKALkCjYCxPOlBCAAIAAoAuwKNgLI86UEICFBAEHYABACGiAlQQBBmBAQAhogBSEcICMLIQsgBSAbRwRAIBwhDSAFIR8gAy0AEEUNAQsLIBVBkAJqJAAL1zEBKX8jAEGAAmsiJCQAIABBwC9qIQwgACgCFCEHA0AgDCAKQQF0IgRqQYCAAjsBACAMIARBAnJqQYCAAjsBACAMIARBBHJqQYCAAjsBACAMIARBBnJqQYCAAjsBACAMIARBCHJqQYCAAjsBACAMIARBCnJqQYCAAjsBACAMIARBDHJqQYCAAjsBACAMIARBDnJqQYCAAjsBACAKQQhqIgpBgIAGRw0AC0GCAiENIAdBggIgB0GCAkkbIREgAEHwE2ohJSAAQZAXaiEmIABBmAlqIScgAEHwFGohKCAAQfAKaiEpIABBwOQoaiEqIABBGGohKyAAQZgKaiEdIABBwK8QaiEjIAEgAmohFyAAQegKaiEcIAEhEwNAIABBADYCwK8QICtBAEHYChACIRQgACgCECEEICRBAEGAAhACIRogFyATayICQZDOACACQZDOAEgbIQkCf0EDIBcgE0HgpxJqIAJB6M4SSRsiLCATayICQYAESQ0AGiACQYAgIAJBgCBJGyICQQNxIQdBACEKQQAhCCACQQFrQQNPBEAgAkH8P3EhBUEAIQIDQCAaIAggE2otAABqQQE6AAAgGiATIAhBAXJqLQAAakEBOgAAIBogEyAIQQJyai0AAGpBAToAACAaIBMgCEEDcmotAABqQQE6AAAgCEEEaiEIIAJBBGoiAiAFRw0ACwsgBwRAA0AgGiAIIBNqLQAAakEBOgAAIAhBAWohCCAKQQFqIgogB0cNAAsLQQAhCEEAIQoDQCAaIAhBA3JqLQAAIBogCEECcmotAAAgGiAIQQFyai0AACAKIAggGmotAABqampqIQogCEEEaiIIQYACRw0AC0EDIApBzwBLDQAaIApBoNEAai0AACIWIARBD0sNABogFkEEIApBLWtBI0kbIARBBE0NABogFkEFIApBEGtBwABJGyAEQQlNDQAaIBZBByAKQQhrQcgASRsLIRYgCSATaiEgICMhECATIQsDQCALICBPBEAgACgCECEJQQAhCkEAIQIDQCAUIApBAnQiBEEMcmooAgAgFCAEQQhyaigCACAUIARBBHJqKAIAIAQgFGooAgAgAmpqamohAiAKQQRqIgpBgAJHDQALIAJBCnYhBEEAIQJBACEHA0AgByAUIAJBAnQiBWooAgAgBEtqIBQgBUEEcmooAgAgBEtqIBQgBUEIcmooAgAgBEtqIBQgBUEMcmooAgAgBEtqIQcgAkEEaiICQYACRw0ACyAgIBcgIGsiAiALIBNrIgQgAiAESBtqISACf0EDIAdBzwBLDQAaIAdBoNEAai0AACIWIAlBD0sNABogFkEEIAdBLWtBI0kbIAlBBE0NABogFkEFIAdBEGtBwABJGyAJQQlNDQAaIBZBByAHQQhrQcgASRsLIRYLIBcgC2siAkGBAk0EQCARIAIgAiARSxshESACIQ0LIAAoAhAhD0EAIQogCyABayICQYCAAkYEQANAIAwgCkEBdCICaiIEIAQuAQAiBEEAIARBAEobQYCAAnI7AQAgDCACQQJyaiIEIAQuAQAiBEEAIARBAEobQYCAAnI7AQAgDCACQQRyaiIEIAQuAQAiBEEAIARBAEobQYCAAnI7AQAgDCACQQZyaiICIAIuAQAiAkEAIAJBAEobQYCAAnI7AQAgCkEEaiIKQYCACEcNAAtBACECIAFBgIACaiEBCyAWQQFrIQcCQCANQQVJBEAgCyECDAELIAJBgIACc0EQdEEQdSEbIAwgGUEBdGoiBC4BACEJIAwgGEEBdGpBgIAEaiIFLgEAIQggBCACOwEAIAUgAjsBACAMIAJBAXRqQYCADGogCDsBACALKAABIgJBvc/W8QFsQRB2IRggAkH///8HcUG9z9bxAWxBEXYhGQJAAkAgB0EDTQRAIAkgG0wEQCALIQIMBAsgCygAACEFQQMhBCALIQIgB0ECTQRAIAsgASAJaiICIAIoAAAgBXNB////B3EiBBshAiAHQQMgBBshBAsgDyEKIAggG0wEQCAEIQcMBAsCQANAIAEgCEEQdEEQdSIGaiIJKAAAIAVGDQEgGyAMIAZB//8BcUEBdGpBgIAMai4BACIITgRAIAQhBwwGCyAKQQFrIgoNAAsgBCEHDAQLAkACQCANQRRrIg5Bb0sEf0EEBUEEIQcgCygABCAJKAAEcyICDQFBCCEHIAsoAAggCSgACHMiAg0BQQwhByALKAAMIAkoAAxzIgINAUEQIQcgCygAECAJKAAQcyICDQFBFAshBQNAIA0gBSIHQQRqIgVJBEAgByANTw0DA0AgByAJai0AACAHIAtqLQAARw0EIAdBAWoiByANRw0ACyANIQcMAwsgByALaigAACAHIAlqKAAAcyICRQ0ACwsgAmhBA3YgB2ohBwsgByARTw0CIAwgBkH//wFxQQF0akGAgAxqLgEAIgggG0wNAiAKQQFrIgoNAQwCCyAHIBFPBEAgCyECDAMLIAggG0wEQCALIQIMAwsgDUEUayEOIAshCSAPIQoLIAtBA2shIQNAIAcgIWooAAAhBQNAAkAgBSABIAhBEHRBEHUiBGoiAiAHakEDaygAAEYEQCACKAAAIAsoAABGDQELIAwgBEH//wFxQQF0akGAgAxqLgEAIgggG0wNAyAKQQFrIgoNAQwDCwsCQAJAIA5Bb0sEf0EEBUEEIQUgCygABCACKAAEcyISDQFBCCEFIAsoAAggAigACHMiEg0BQQwhBSALKAAMIAIoAAxzIhINAUEQIQUgCygAECACKAAQcyISDQFBFAshBgNAIA0gBiIFQQRqIgZJBEAgBSANTw0DA0AgAiAFai0AACAFIAtqLQAARw0EIAVBAWoiBSANRw0ACyANIQUMAwsgBSALaigAACACIAVqKAAAcyISRQ0ACwsgEmhBA3YgBWohBQsCQCAFIAdNDQAgAiEJIAUiByARSQ0ADAMLIAwgBEH//wFxQQF0akGAgAxqLgEAIgggG0wNASAKQQFrIgoNAAsLIAkhAgsCQAJAIAcgFk8EQCALIAJrIRIgB0EDRw0BIBJBgcAASQ0BCyAUIAstAAAiAkECdGoiBCAEKAIAQQFqNgIAIB0gAkEFdkEGcSACQQFxckECdGoiAiACKAIAQQFqNgIAIBwgHCgCAEEBaiIJNgIAIBAgECgCAEEBajYCACALQQFqIQsMAQsgC0EBaiEFIAcgEUkEQCAPQQJ2IRsgD0EBdiEhA0ACQCAXIAVrIg5BgQJLBEAgDSEODAELIBEgDiAOIBFLGyERC0EAIQogBSABayICQYCAAkYEQANAIAwgCkEBdCICaiIEIAQuAQAiBEEAIARBAEobQYCAAnI7AQAgDCACQQJyaiIEIAQuAQAiBEEAIARBAEobQYCAAnI7AQAgDCACQQRyaiIEIAQuAQAiBEEAIARBAEobQYCAAnI7AQAgDCACQQZyaiICIAIuAQAiAkEAIAJBAEobQYCAAnI7AQAgCkEEaiIKQYCACEcNAAtBACECIAFBgIACaiEBCyAHQQFrIQQgBUEBaiEPAkACQCAOQQVJDQAgAkGAgAJzQRB0QRB1IQsgDCAZQQF0aiIJLgEAIQ0gDCAYQQF0akGAgARqIgYuAQAhCCAJIAI7AQAgBiACOwEAIAwgAkEBdGpBgIAMaiAIOwEAIA8oAAAiAkG9z9bxAWxBEHYhGCACQf///wdxQb3P1vEBbEERdiEZAkACQCAEQQNNBEAgCyANTg0DIAUoAAAhBkEDIQkgBSECIARBAk0EQCAFIAEgDWoiAiACKAAAIAZzQf///wdxIgkbIQIgBEEDIAkbIQkLICEhCiAIIAtMDQQDQCAGIAEgCEEQdEEQdSIIaiINKAAARwRAIAwgCEH//wFxQQF0akGAgAxqLgEAIgggC0wNBiAKQQFrIgoNAQwGCwsCQAJAIA5BFGsiHkFvSwR/QQQFQQQhCSAFKAAEIA0oAARzIgINAUEIIQkgBSgACCANKAAIcyICDQFBDCEJIAUoAAwgDSgADHMiAg0BQRAhCSAFKAAQIA0oABBzIgINAUEUCyEGA0AgDiAGIglBBGoiBkkEQCAJIA5PDQMDQCAJIA1qLQAAIAUgCWotAABHDQQgCUEBaiIJIA5HDQALIA4hCQwDCyAFIAlqKAAAIAkgDWooAABzIgJFDQALCyACaEEDdiAJaiEJCyAJIBFPDQIgDCAIQf//AXFBAXRqQYCADGouAQAiCCALTA0CIApBAWsiCg0BDAILIAQgEU8NAiAIIAtMDQIgDkEUayEeIAUhDSAhIQogBCEJCyAFQQNrISIDQCAJICJqKAAAIQYDQAJAIAYgASAIQRB0QRB1Ih9qIgIgCWpBA2soAABGBEAgAigAACAFKAAARg0BCyAMIB9B//8BcUEBdGpBgIAMai4BACIIIAtMDQMgCkEBayIKDQEMAwsLAkACQCAeQW9LBH9BBAVBBCEGIAUoAAQgAigABHMiFQ0BQQghBiAFKAAIIAIoAAhzIhUNAUEMIQYgBSgADCACKAAMcyIVDQFBECEGIAUoABAgAigAEHMiFQ0BQRQLIQgDQCAOIAgiBkEEaiIISQRAIAYgDk8NAwNAIAIgBmotAAAgBSAGai0AAEcNBCAGQQFqIgYgDkcNAAsgDiEGDAMLIAUgBmooAAAgAiAGaigAAHMiFUUNAAsLIBVoQQN2IAZqIQYLAkAgBiAJTQ0AIAIhDSAGIgkgEUkNAAwECyAMIB9B//8BcUEBdGpBgIAMai4BACIIIAtMDQEgCkEBayIKDQALCyANIQIMAQsgBSECIAQhCQsCQAJAIAcgCUsNACAFIAJrIgJnIBJnayAJIAdrQQJ0akEDSA0AIBQgBUEBay0AACIEQQJ0aiIHIAcoAgBBAWo2AgAgHSAEQQV2QQZxIARBAXFyQQJ0aiIEIAQoAgBBAWo2AgAgHCgCAEEBaiEIIA4hDSACIRIgDyEFIAkhBwwBCwJAIBcgD2siDUGBAksEQCAOIQ0MAQsgESANIA0gEUsbIRELQQAhCiAPIAFrIgJBgIACRgRAA0AgDCAKQQF0IgJqIgkgCS4BACIJQQAgCUEAShtBgIACcjsBACAMIAJBAnJqIgkgCS4BACIJQQAgCUEAShtBgIACcjsBACAMIAJBBHJqIgkgCS4BACIJQQAgCUEAShtBgIACcjsBACAMIAJBBnJqIgIgAi4BACICQQAgAkEAShtBgIACcjsBACAKQQRqIgpBgIAIRw0AC0EAIQIgAUGAgAJqIQELIAVBAmohCwJAIA1BBUkEQCAPIQIMAQsgAkGAgAJzQRB0QRB1IQkgDCAZQQF0aiIGLgEAIQ4gDCAYQQF0akGAgARqIgouAQAhCCAGIAI7AQAgCiACOwEAIAwgAkEBdGpBgIAMaiAIOwEAIAsoAAAiAkG9z9bxAWxBEHYhGCACQf///wdxQb3P1vEBbEERdiEZAkACQCAEQQNNBEAgCSAOTgRAIA8hAgwECyAPKAAAIRVBAyEGIA8hAiAEQQJNBEAgDyABIA5qIgIgAigAACAVc0H///8HcSIGGyECIARBAyAGGyEGCyAbIQogCCAJTARAIAYhBAwECwJAA0AgASAIQRB0QRB1IghqIg4oAAAgFUYNASAJIAwgCEH//wFxQQF0akGAgAxqLgEAIghOBEAgBiEEDAYLIApBAWsiCg0ACyAGIQQMBAsCQAJAIA1BFGsiHkFvSwR/QQQFQQQhBCAFKAAFIA4oAARzIgINAUEIIQQgBSgACSAOKAAIcyICDQFBDCEEIAUoAA0gDigADHMiAg0BQRAhBCAFKAARIA4oABBzIgINAUEUCyEGA0AgDSAGIgRBBGoiBkkEQCAEIA1PDQMDQCAEIA5qLQAAIAQgD2otAABHDQQgBEEBaiIEIA1HDQALIA0hBAwDCyAEIA9qKAAAIAQgDmooAABzIgJFDQALCyACaEEDdiAEaiEECyAEIBFPDQIgDCAIQf//AXFBAXRqQYCADGouAQAiCCAJTA0CIApBAWsiCg0BDAILIAQgEU8EQCAPIQIMAwsgCCAJTARAIA8hAgwDCyANQRRrIR4gDyEOIBshCgsgBUECayEiA0AgBCAiaigAACEGA0ACQCAGIAEgCEEQdEEQdSIfaiICIARqQQNrKAAARgRAIAIoAAAgDygAAEYNAQsgDCAfQf//AXFBAXRqQYCADGouAQAiCCAJTA0DIApBAWsiCg0BDAMLCwJAAkAgHkFvSwR/QQQFQQQhBiAFKAAFIAIoAARzIhUNAUEIIQYgBSgACSACKAAIcyIVDQFBDCEGIAUoAA0gAigADHMiFQ0BQRAhBiAFKAARIAIoABBzIhUNAUEUCyEIA0AgDSAIIgZBBGoiCEkEQCAGIA1PDQMDQCACIAZqLQAAIAYgD2otAABHDQQgBkEBaiIGIA1HDQALIA0hBgwDCyAGIA9qKAAAIAIgBmooAABzIhVFDQALCyAVaEEDdiAGaiEGCwJAIAQgBk8NACACIQ4gBiIEIBFJDQAMAwsgDCAfQf//AXFBAXRqQYCADGouAQAiCCAJTA0BIApBAWsiCg0ACwsgDiECCwJAIAQgB0kNACAPIAJrIgJnIBJnayAEIAdrQQJ0akEHSA0AIBQgBUEBay0AACIHQQJ0aiIJIAkoAgBBAWo2AgAgHSAHQQV2QQZxIAdBAXFyQQJ0aiIHIAcoAgBBAWo2AgAgHCgCACEJIBAgECgCAEEBajYCACAUIAUtAAAiB0ECdGoiBSAFKAIAQQFqNgIAIB0gB0EFdkEGcSAHQQFxckECdGoiByAHKAIAQQFqNgIAIAlBAmohCCACIRIgCyEFIAQhBwwBCyAHQZDIAGotAABBAnQgFGpBhAhqIgIgAigCAEEBajYCACAAQYACIBJrQR12IgJBAXQgEkEBayACdkGgygBqLQAAaiICQQJ0akGYCWoiBCAEKAIAQQFqNgIAIB1BJEEgIAdBCEsbaiIEIAQoAgBBAWo2AgAgHCAcKAIAQQFqIgk2AgAgEEEANgIIIBAgAjsBBiAQIBI7AQQgECAQKAIAIAdBF3RyNgIAIBBBCGohECAHQQRJDQMgB0EDayECIAdBAmogFyALa00EQCALIAFrIQggCyEHIAIhBANAQQAhCiAIQYCAAkYEQANAIAwgCkEBdCIFaiIGIAYuAQAiBkEAIAZBAEobQYCAAnI7AQAgDCAFQQJyaiIGIAYuAQAiBkEAIAZBAEobQYCAAnI7AQAgDCAFQQRyaiIGIAYuAQAiBkEAIAZBAEobQYCAAnI7AQAgDCAFQQZyaiIFIAUuAQAiBUEAIAVBAEobQYCAAnI7AQAgCkEEaiIKQYCACEcNAAtBACEIIAFBgIACaiEBCyAMIBlBAXRqIAg7AQAgDCAIQQF0akGAgAxqIAwgGEEBdGpBgIAEaiIFLwEAOwEAIAUgCDsBACAIQQFqIQggBygAASIFQb3P1vEBbEEQdiEYIAVB////B3FBvc/W8QFsQRF2IRkgB0EBaiEHIARBAWsiBA0ACwsgAiALaiELDAMLIBwgCDYCACAQIBAoAgBBAWo2AgAgByARSQ0ACwsgB0GQyABqLQAAQQJ0IBRqQYQIaiICIAIoAgBBAWo2AgAgAEGAAiASa0EddiICQQF0IBJBAWsgAnZBoMoAai0AAGoiAkECdGpBmAlqIgQgBCgCAEEBajYCACAdQSRBICAHQQhLG2oiBCAEKAIAQQFqNgIAIBwgHCgCAEEBaiIJNgIAIBBBADYCCCAQIAI7AQYgECASOwEEIBAgECgCACAHQRd0cjYCACAHQQFrIQIgB0EEaiAXIAVrTQRAIAUgAWshCCAFIQcgAiEEA0BBACEKIAhBgIACRgRAA0AgDCAKQQF0IgtqIgYgBi4BACIGQQAgBkEAShtBgIACcjsBACAMIAtBAnJqIgYgBi4BACIGQQAgBkEAShtBgIACcjsBACAMIAtBBHJqIgYgBi4BACIGQQAgBkEAShtBgIACcjsBACAMIAtBBnJqIgsgCy4BACILQQAgC0EAShtBgIACcjsBACAKQQRqIgpBgIAIRw0AC0EAIQggAUGAgAJqIQELIAwgGUEBdGogCDsBACAMIAhBAXRqQYCADGogDCAYQQF0akGAgARqIgsvAQA7AQAgCyAIOwEAIAhBAWohCCAHKAABIgtBvc/W8QFsQRB2IRggC0H///8HcUG9z9bxAWxBEXYhGSAHQQFqIQcgBEEBayIEDQALCyAQQQhqIRAgAiAFaiELCwJAIAsgLEkgECAqSXFFBEAgCyATayEIDAELIAlBgARJDQEgCyATayIIQYgnSA0BIBcgC2tBiCdIDQEgHSAIEAZFDQELCyAAIAAoApgIQQFqNgKYCEGgAkEOIBQgKCApEANBIEEPICcgJiAlEAMgACADIBMgCCAjIAsgF0YiAhAFIAJFBEAgCyETIAMtABBFDQELCyAaQYACaiQAC+cmASd/IwBBgAJrIiEkACAAQcAvaiELIAAoAhQhBQNAIAsgBEEBdCIGakGAgAI7AQAgCyAGQQJyakGAgAI7AQAgCyAGQQRyakGAgAI7AQAgCyAGQQZyakGAgAI7AQAgCyAGQQhyakGAgAI7AQAgCyAGQQpyakGAgAI7AQAgCyAGQQxyakGAgAI7AQAgCyAGQQ5yakGAgAI7AQAgBEEIaiIEQYCABkcNAAtBggIhDSAFQYICIAVBggJJGyESIABB8BNqISIgAEGQF2ohIyAAQZgJaiEkIABB8BRqISUgAEHwCmohJiAAQcDkKGohJyAAQRhqISggAEGYCmohHCAAQcCvEGohHyABIAJqIRcgAEHoCmohGSABIREDQCAAQQA2AsCvECAoQQBB2AoQAiETIAAoAhAhAiAhQQBBgAIQAiEVIBcgEWsiBEGQzgAgBEGQzgBIGyEKAn9BAyAXIBFB4KcSaiAEQejOEkkbIikgEWsiBEGABEkNABogBEGAICAEQYAgSRsiBkEDcSEIQQAhBEEAIQcgBkEBa0EDTwRAIAZB/D9xIQZBACEFA0AgFSAHIBFqLQAAakEBOgAAIBUgESAHQQFyai0AAGpBAToAACAVIBEgB0ECcmotAABqQQE6AAAgFSARIAdBA3JqLQAAakEBOgAAIAdBBGohByAFQQRqIgUgBkcNAAsLIAgEQANAIBUgByARai0AAGpBAToAACAHQQFqIQcgBEEBaiIEIAhHDQALC0EAIQdBACEEA0AgFSAHQQNyai0AACAVIAdBAnJqLQAAIBUgB0EBcmotAAAgBCAHIBVqLQAAampqaiEEIAdBBGoiB0GAAkcNAAtBAyAEQc8ASw0AGiAEQaDRAGotAAAiFCACQQ9LDQAaIBRBBCAEQS1rQSNJGyACQQRNDQAaIBRBBSAEQRBrQcAASRsgAkEJTQ0AGiAUQQcgBEEIa0HIAEkbCyEUIAogEWohHiAfIQ4gESEKA0AgCiAeTwRAIAAoAhAhBkEAIQRBACEFA0AgEyAEQQJ0IgJBDHJqKAIAIBMgAkEIcmooAgAgEyACQQRyaigCACACIBNqKAIAIAVqampqIQUgBEEEaiIEQYACRw0ACyAFQQp2IQJBACEFQQAhCANAIAggEyAFQQJ0IgRqKAIAIAJLaiATIARBBHJqKAIAIAJLaiATIARBCHJqKAIAIAJLaiATIARBDHJqKAIAIAJLaiEIIAVBBGoiBUGAAkcNAAsgHiAXIB5rIgIgCiARayIEIAIgBEgbaiEeAn9BAyAIQc8ASw0AGiAIQaDRAGotAAAiFCAGQQ9LDQAaIBRBBCAIQS1rQSNJGyAGQQRNDQAaIBRBBSAIQRBrQcAASRsgBkEJTQ0AGiAUQQcgCEEIa0HIAEkbCyEUCyAXIAprIgJBgQJNBEAgEiACIAIgEksbIRIgAiENCyAAKAIQIQhBACEEIAogAWsiBUGAgAJGBEADQCALIARBAXQiAmoiBiAGLgEAIgZBACAGQQBKG0GAgAJyOwEAIAsgAkECcmoiBiAGLgEAIgZBACAGQQBKG0GAgAJyOwEAIAsgAkEEcmoiBiAGLgEAIgZBACAGQQBKG0GAgAJyOwEAIAsgAkEGcmoiAiACLgEAIgJBACACQQBKG0GAgAJyOwEAIARBBGoiBEGAgAhHDQALQQAhBSABQYCAAmohAQsgFEEBayEGAkAgDUEFSQRAIAohBQwBCyAFQYCAAnNBEHRBEHUhFiALIBtBAXRqIgQuAQAhAiALIBpBAXRqQYCABGoiCS4BACEHIAQgBTsBACAJIAU7AQAgCyAFQQF0akGAgAxqIAc7AQAgCigAASIEQb3P1vEBbEEQdiEaIARB////B3FBvc/W8QFsQRF2IRsCQAJAIAZBA00EQCACIBZMBEAgCiEFDAQLIAooAAAhD0EDIQwgCiEFIAZBAk0EQCAKIAEgAmoiAiACKAAAIA9zQf///wdxIgIbIQUgBkEDIAIbIQwLIAghBCAHIBZMBEAgDCEGDAQLAkADQCABIAdBEHRBEHUiEGoiCSgAACAPRg0BIBYgCyAQQf//AXFBAXRqQYCADGouAQAiB04EQCAMIQYMBgsgBEEBayIEDQALIAwhBgwECwJAAkAgDUEUayIPQW9LBH9BBAVBBCEGIAooAAQgCSgABHMiBQ0BQQghBiAKKAAIIAkoAAhzIgUNAUEMIQYgCigADCAJKAAMcyIFDQFBECEGIAooABAgCSgAEHMiBQ0BQRQLIQIDQCANIAIiBkEEaiICSQRAIAYgDU8NAwNAIAYgCWotAAAgBiAKai0AAEcNBCAGQQFqIgYgDUcNAAsgDSEGDAMLIAYgCmooAAAgBiAJaigAAHMiBUUNAAsLIAVoQQN2IAZqIQYLIAYgEk8NAiALIBBB//8BcUEBdGpBgIAMai4BACIHIBZMDQIgBEEBayIEDQEMAgsgBiASTwRAIAohBQwDCyAHIBZMBEAgCiEFDAMLIA1BFGshDyAKIQkgCCEECyAKQQNrIRgDQCAGIBhqKAAAIQIDQAJAIAIgASAHQRB0QRB1IgdqIgUgBmpBA2soAABGBEAgBSgAACAKKAAARg0BCyALIAdB//8BcUEBdGpBgIAMai4BACIHIBZMDQMgBEEBayIEDQEMAwsLAkACQCAPQW9LBH9BBAVBBCECIAooAAQgBSgABHMiEA0BQQghAiAKKAAIIAUoAAhzIhANAUEMIQIgCigADCAFKAAMcyIQDQFBECECIAooABAgBSgAEHMiEA0BQRQLIQwDQCANIAwiAkEEaiIMSQRAIAIgDU8NAwNAIAIgBWotAAAgAiAKai0AAEcNBCACQQFqIgIgDUcNAAsgDSECDAMLIAIgCmooAAAgAiAFaigAAHMiEEUNAAsLIBBoQQN2IAJqIQILAkAgAiAGTQ0AIAUhCSACIgYgEkkNAAwDCyALIAdB//8BcUEBdGpBgIAMai4BACIHIBZMDQEgBEEBayIEDQALCyAJIQULAkAgKQJ/AkAgBiAUTwRAIAogBWshDCAGQQNHDQEgDEGBwABJDQELIBMgCi0AACICQQJ0aiIEIAQoAgBBAWo2AgAgHCACQQV2QQZxIAJBAXFyQQJ0aiICIAIoAgBBAWo2AgAgGSAZKAIAQQFqIgI2AgAgDiAOKAIAQQFqNgIAIApBAWoMAQsgCkEBaiECAkAgBiASTwRAIAwhBSACIQogBiEEDAELIAhBAXYhFgNAIBcgAmsiBEGBAk0EQCASIAQgBCASSxshEiAEIQ0LQQAhBCACIAFrIgVBgIACRgRAA0AgCyAEQQF0IgVqIgggCC4BACIIQQAgCEEAShtBgIACcjsBACALIAVBAnJqIgggCC4BACIIQQAgCEEAShtBgIACcjsBACALIAVBBHJqIgggCC4BACIIQQAgCEEAShtBgIACcjsBACALIAVBBnJqIgUgBS4BACIFQQAgBUEAShtBgIACcjsBACAEQQRqIgRBgIAIRw0AC0EAIQUgAUGAgAJqIQELIAZBAWshBCACQQFqIQoCQCANQQVJBEAgAiEIDAELIAVBgIACc0EQdEEQdSEYIAsgG0EBdGoiCC4BACEJIAsgGkEBdGpBgIAEaiIPLgEAIQcgCCAFOwEAIA8gBTsBACALIAVBAXRqQYCADGogBzsBACAKKAAAIgVBvc/W8QFsQRB2IRogBUH///8HcUG9z9bxAWxBEXYhGwJAAkAgBEEDTQRAIAkgGEwEQCACIQgMBAsgAigAACEdQQMhECACIQggBEECTQRAIAIgASAJaiIFIAUoAAAgHXNB////B3EiBRshCCAEQQMgBRshEAsgFiEFIAcgGEwEQCAQIQQMBAsCQANAIAEgB0EQdEEQdSIHaiIPKAAAIB1GDQEgGCALIAdB//8BcUEBdGpBgIAMai4BACIHTgRAIBAhBAwGCyAFQQFrIgUNAAsgECEEDAQLAkACQCANQRRrIh1Bb0sEf0EEBUEEIQQgAigABCAPKAAEcyIIDQFBCCEEIAIoAAggDygACHMiCA0BQQwhBCACKAAMIA8oAAxzIggNAUEQIQQgAigAECAPKAAQcyIIDQFBFAshCQNAIA0gCSIEQQRqIglJBEAgBCANTw0DA0AgBCAPai0AACACIARqLQAARw0EIARBAWoiBCANRw0ACyANIQQMAwsgAiAEaigAACAEIA9qKAAAcyIIRQ0ACwsgCGhBA3YgBGohBAsgBCASTw0CIAsgB0H//wFxQQF0akGAgAxqLgEAIgcgGEwNAiAFQQFrIgUNAQwCCyAEIBJPBEAgAiEIDAMLIAcgGEwEQCACIQgMAwsgDUEUayEdIAIhDyAWIQULIAJBA2shKgNAIAQgKmooAAAhCQNAAkAgCSABIAdBEHRBEHUiIGoiCCAEakEDaygAAEYEQCAIKAAAIAIoAABGDQELIAsgIEH//wFxQQF0akGAgAxqLgEAIgcgGEwNAyAFQQFrIgUNAQwDCwsCQAJAIB1Bb0sEf0EEBUEEIQkgAigABCAIKAAEcyIHDQFBCCEJIAIoAAggCCgACHMiBw0BQQwhCSACKAAMIAgoAAxzIgcNAUEQIQkgAigAECAIKAAQcyIHDQFBFAshEANAIA0gECIJQQRqIhBJBEAgCSANTw0DA0AgCCAJai0AACACIAlqLQAARw0EIAlBAWoiCSANRw0ACyANIQkMAwsgAiAJaigAACAIIAlqKAAAcyIHRQ0ACwsgB2hBA3YgCWohCQsCQCAEIAlPDQAgCCEPIAkiBCASSQ0ADAMLIAsgIEH//wFxQQF0akGAgAxqLgEAIgcgGEwNASAFQQFrIgUNAAsLIA8hCAsCQCAEIAZJDQAgAiAIayIFZyAMZ2sgBCAGa0ECdGpBA0gNACATIAJBAWstAAAiAkECdGoiBiAGKAIAQQFqNgIAIBwgAkEFdkEGcSACQQFxckECdGoiAiACKAIAQQFqNgIAIBkgGSgCAEEBajYCACAOIA4oAgBBAWo2AgAgBCEGIAohAiAFIQwgBCASTw0CDAELCyAGQZDIAGotAABBAnQgE2pBhAhqIgIgAigCAEEBajYCACAAQYACIAxrQR12IgJBAXQgDEEBayACdkGgygBqLQAAaiIEQQJ0akGYCWoiAiACKAIAQQFqNgIAIBxBJEEgIAZBCEsbaiICIAIoAgBBAWo2AgAgGSAZKAIAQQFqIgI2AgAgDkEANgIIIA4gBDsBBiAOIAw7AQQgDiAOKAIAIAZBF3RyNgIAIAZBAmshBSAGQQNqIBcgCmtNBEAgCiABayEHIAohCCAFIQYDQEEAIQQgB0GAgAJGBEADQCALIARBAXQiCWoiDCAMLgEAIgxBACAMQQBKG0GAgAJyOwEAIAsgCUECcmoiDCAMLgEAIgxBACAMQQBKG0GAgAJyOwEAIAsgCUEEcmoiDCAMLgEAIgxBACAMQQBKG0GAgAJyOwEAIAsgCUEGcmoiCSAJLgEAIglBACAJQQBKG0GAgAJyOwEAIARBBGoiBEGAgAhHDQALQQAhByABQYCAAmohAQsgCyAbQQF0aiAHOwEAIAsgB0EBdGpBgIAMaiALIBpBAXRqQYCABGoiBC8BADsBACAEIAc7AQAgB0EBaiEHIAgoAAEiBEG9z9bxAWxBEHYhGiAEQf///wdxQb3P1vEBbEERdiEbIAhBAWohCCAGQQFrIgYNAAsLIA5BCGohDiAFIApqDAELIARBkMgAai0AAEECdCATakGECGoiAiACKAIAQQFqNgIAIABBgAIgBWtBHXYiAkEBdCAFQQFrIAJ2QaDKAGotAABqIgZBAnRqQZgJaiICIAIoAgBBAWo2AgAgHEEkQSAgBEEISxtqIgIgAigCAEEBajYCACAZIBkoAgBBAWoiAjYCACAOQQA2AgggDiAGOwEGIA4gBTsBBCAOIA4oAgAgBEEXdHI2AgAgBEEBayEFIARBBGogFyAKa00EQCAKIAFrIQcgCiEIIAUhBgNAQQAhBCAHQYCAAkYEQANAIAsgBEEBdCIJaiIMIAwuAQAiDEEAIAxBAEobQYCAAnI7AQAgCyAJQQJyaiIMIAwuAQAiDEEAIAxBAEobQYCAAnI7AQAgCyAJQQRyaiIMIAwuAQAiDEEAIAxBAEobQYCAAnI7AQAgCyAJQQZyaiIJIAkuAQAiCUEAIAlBAEobQYCAAnI7AQAgBEEEaiIEQYCACEcNAAtBACEHIAFBgIACaiEBCyALIBtBAXRqIAc7AQAgCyAHQQF0akGAgAxqIAsgGkEBdGpBgIAEaiIELwEAOwEAIAQgBzsBACAHQQFqIQcgCCgAASIEQb3P1vEBbEEQdiEaIARB////B3FBvc/W8QFsQRF2IRsgCEEBaiEIIAZBAWsiBg0ACwsgDkEIaiEOIAUgCmoLIgpLIA4gJ0lxRQRAIAogEWshBwwBCyACQYAESQ0BIAogEWsiB0GIJ0gNASAXIAprQYgnSA0BIBwgBxAGRQ0BCwsgACAAKAKYCEEBajYCmAhBoAJBDiATICUgJhADQSBBDyAkICMgIhADIAAgAyARIAcgHyAKIBdGIgIQBSACRQRAIAohESADLQAQRQ0BCwsgFUGAAmokAAsjACABQYcnaiIAQYgnTwR/IABBiCduQQVsBUEFCyABakESagv0FAEjfyMAQYACayIdJAAgAEHAL2ohCSAAKAIUIQgDQCAJIAVBAXQiBGpBgIACOwEAIAkgBEECcmpBgIACOwEAIAkgBEEEcmpBgIACOwEAIAkgBEEGcmpBgIACOwEAIAkgBEEIcmpBgIACOwEAIAkgBEEKcmpBgIACOwEAIAkgBEEMcmpBgIACOwEAIAkgBEEOcmpBgIACOwEAIAVBCGoiBUGAgAZHDQALQYICIQwgCEGCAiAIQYICSRshECAAQfATaiEeIABBkBdqIR8gAEGYCWohICAAQfAUaiEhIABB8ApqISIgAEHA5ChqISMgAEEYaiEkIABBmApqIRggAEHArxBqIRogASACaiERIABB6ApqIRUgASENA0AgAEEANgLArxAgJEEAQdgKEAIhGSAAKAIQIQIgHUEAQYACEAIhDgJ/QQMgESANQeCnEmogESANa0HozhJJGyIlIA1rIgRBgARJDQAaIARBgCAgBEGAIEkbIgRBA3EhCEEAIQVBACEGIARBAWtBA08EQCAEQfw/cSEHQQAhBANAIA4gBiANai0AAGpBAToAACAOIA0gBkEBcmotAABqQQE6AAAgDiANIAZBAnJqLQAAakEBOgAAIA4gDSAGQQNyai0AAGpBAToAACAGQQRqIQYgBEEEaiIEIAdHDQALCyAIBEADQCAOIAYgDWotAABqQQE6AAAgBkEBaiEGIAVBAWoiBSAIRw0ACwtBACEGQQAhBQNAIA4gBkEDcmotAAAgDiAGQQJyai0AACAOIAZBAXJqLQAAIAUgBiAOai0AAGpqamohBSAGQQRqIgZBgAJHDQALQQMgBUHPAEsNABogBUGg0QBqLQAAIhMgAkEPSw0AGiATQQQgBUEta0EjSRsgAkEETQ0AGiATQQUgBUEQa0HAAEkbIAJBCU0NABogE0EHIAVBCGtByABJGwsiE0EBayESIBohDyANIQgDQCARIAhrIgJBgQJNBEAgECACIAIgEEsbIRAgAiEMCyAAKAIQIQJBACEFIAggAWsiB0GAgAJGBEADQCAJIAVBAXQiBGoiByAHLgEAIgdBACAHQQBKG0GAgAJyOwEAIAkgBEECcmoiByAHLgEAIgdBACAHQQBKG0GAgAJyOwEAIAkgBEEEcmoiByAHLgEAIgdBACAHQQBKG0GAgAJyOwEAIAkgBEEGcmoiBCAELgEAIgRBACAEQQBKG0GAgAJyOwEAIAVBBGoiBUGAgAhHDQALQQAhByABQYCAAmohAQsCQAJAIAxBBUkNACAHQYCAAnNBEHRBEHUhCiAJIBdBAXRqIgQuAQAhCyAJIBZBAXRqQYCABGoiBS4BACEGIAQgBzsBACAFIAc7AQAgCSAHQQF0akGAgAxqIAY7AQAgCCgAASIEQb3P1vEBbEEQdiEWIARB////B3FBvc/W8QFsQRF2IRcCQAJAIBJBA00EQCAKIAtODQMgCCgAACEHQQMhBCAIIQUgEkECTQRAIAggASALaiIEIAQoAAAgB3NB////B3EiBBshBSASQQMgBBshBAsgBiAKTA0EA0AgByABIAZBEHRBEHUiBmoiCygAAEcEQCAJIAZB//8BcUEBdGpBgIAMai4BACIGIApMDQYgAkEBayICDQEMBgsLAkACQCAMQRRrIhtBb0sEf0EEBUEEIQQgCCgABCALKAAEcyIFDQFBCCEEIAgoAAggCygACHMiBQ0BQQwhBCAIKAAMIAsoAAxzIgUNAUEQIQQgCCgAECALKAAQcyIFDQFBFAshBwNAIAwgByIEQQRqIgdJBEAgBCAMTw0DA0AgBCALai0AACAEIAhqLQAARw0EIARBAWoiBCAMRw0ACyAMIQQMAwsgBCAIaigAACAEIAtqKAAAcyIFRQ0ACwsgBWhBA3YgBGohBAsgBCAQTw0CIAkgBkH//wFxQQF0akGAgAxqLgEAIgYgCkwNAiACQQFrIgINAQwCCyAQIBJNDQIgBiAKTA0CIAxBFGshGyAIIQsgEiEECyAIQQNrISYDQCAEICZqKAAAIQcDQAJAIAcgASAGQRB0QRB1IhxqIgUgBGpBA2soAABGBEAgBSgAACAIKAAARg0BCyAJIBxB//8BcUEBdGpBgIAMai4BACIGIApMDQMgAkEBayICDQEMAwsLAkACQCAbQW9LBH9BBAVBBCEHIAgoAAQgBSgABHMiFA0BQQghByAIKAAIIAUoAAhzIhQNAUEMIQcgCCgADCAFKAAMcyIUDQFBECEHIAgoABAgBSgAEHMiFA0BQRQLIQYDQCAMIAYiB0EEaiIGSQRAIAcgDE8NAwNAIAUgB2otAAAgByAIai0AAEcNBCAHQQFqIgcgDEcNAAsgDCEHDAMLIAcgCGooAAAgBSAHaigAAHMiFEUNAAsLIBRoQQN2IAdqIQcLAkAgBCAHTw0AIAUhCyAHIgQgEEkNAAwECyAJIBxB//8BcUEBdGpBgIAMai4BACIGIApMDQEgAkEBayICDQALCyALIQUMAQsgCCEFIBIhBAsCQCAlAn8CQCAEIBNJDQAgBEEDTSAIIAVrIgJBgCBLcQ0AIARBkMgAai0AAEECdCAZakGECGoiBSAFKAIAQQFqNgIAIABBgAIgAmtBHXYiBUEBdCACQQFrIAV2QaDKAGotAABqIgVBAnRqQZgJaiIHIAcoAgBBAWo2AgAgGEEkQSAgBEEISxtqIgcgBygCAEEBajYCACAVIBUoAgBBAWoiCzYCACAPQQA2AgggDyAFOwEGIA8gAjsBBCAPIA8oAgAgBEEXdHI2AgAgBEEEaiARIAhBAWoiAmtNBEAgAiABayEGIARBAWshBwNAQQAhBSAGQYCAAkYEQANAIAkgBUEBdCIGaiIKIAouAQAiCkEAIApBAEobQYCAAnI7AQAgCSAGQQJyaiIKIAouAQAiCkEAIApBAEobQYCAAnI7AQAgCSAGQQRyaiIKIAouAQAiCkEAIApBAEobQYCAAnI7AQAgCSAGQQZyaiIGIAYuAQAiBkEAIAZBAEobQYCAAnI7AQAgBUEEaiIFQYCACEcNAAtBACEGIAFBgIACaiEBCyAJIBdBAXRqIAY7AQAgCSAGQQF0akGAgAxqIAkgFkEBdGpBgIAEaiIFLwEAOwEAIAUgBjsBACAGQQFqIQYgAigAASIFQb3P1vEBbEEQdiEWIAVB////B3FBvc/W8QFsQRF2IRcgAkEBaiECIAdBAWsiBw0ACwsgD0EIaiEPIAQgCGoMAQsgGSAILQAAIgJBAnRqIgQgBCgCAEEBajYCACAYIAJBBXZBBnEgAkEBcXJBAnRqIgIgAigCAEEBajYCACAVIBUoAgBBAWoiCzYCACAPIA8oAgBBAWo2AgAgCEEBagsiCEsgDyAjSXFFBEAgCCANayEGDAELIAtBgARJDQEgCCANayIGQYgnSA0BIBEgCGtBiCdIDQEgGCAGEAZFDQELCyAAIAAoApgIQQFqNgKYCEGgAkEOIBkgISAiEANBIEEPICAgHyAeEAMgACADIA0gBiAaIAggEUYiAhAFIAJFBEAgCCENIAMtABBFDQELCyAOQYACaiQAC8kHAQV/AkAgBEETSQ0AIANCn5YiNwAAIAAoAgghBSADQf8BOgAJIANBBCAFQQdLQQF0IAVBAkkbOgAIIAAgASACIANBCmoiByAEQRJrEAsiCEUNACABBH8gASACaiEFQX8hBAJAIAJFBEAgASEADAELIAFBB3FFBEAgASEADAELIAEtAABB/wFzQQJ0QYAIaigCAEH///8HcyEEIAFBAWoiAEEHcUUNACACQQFGDQAgAS0AASAEQf8BcXNBAnRBgAhqKAIAIARBCHZzIQQgAUECaiIAQQdxRQ0AIAJBAkYNACABLQACIARB/wFxc0ECdEGACGooAgAgBEEIdnMhBCABQQNqIgBBB3FFDQAgAkEDRg0AIAEtAAMgBEH/AXFzQQJ0QYAIaigCACAEQQh2cyEEIAFBBGoiAEEHcUUNACACQQRGDQAgAS0ABCAEQf8BcXNBAnRBgAhqKAIAIARBCHZzIQQgAUEFaiIAQQdxRQ0AIAJBBUYNACABLQAFIARB/wFxc0ECdEGACGooAgAgBEEIdnMhBCABQQZqIgBBB3FFDQAgAkEGRg0AIAEtAAYgBEH/AXFzQQJ0QYAIaigCACAEQQh2cyEEIAFBB2oiAEEHcUUNACACQQdGDQAgAS0AByAEQf8BcXNBAnRBgAhqKAIAIARBCHZzIQQgAUEIaiEACyAFIABrQXhxIgEEQCAAIAFqIQEDQCAAKAIEIgZB/wFxQQJ0QYAgaigCACAAKAIAIARzIgRBBnZB/AdxQYA4aigCACAEQf8BcUECdEGAQGsoAgBzIARBDnZB/AdxQYAwaigCAHMgBEEWdkH8B3FBgChqKAIAc3MgBkEGdkH8B3FBgBhqKAIAcyAGQQ52QfwHcUGAEGooAgBzIAZBFnZB/AdxQYAIaigCAHMhBCAAQQhqIgAgAUcNAAsgASEACwJAIAAgBUYNACAFIABBf3NqIQYgBSAAa0EDcSIJBEBBACEBA0AgAC0AACAEQf8BcXNBAnRBgAhqKAIAIARBCHZzIQQgAEEBaiEAIAFBAWoiASAJRw0ACwsgBkEDSQ0AA0AgAC0AAyAALQACIAAtAAEgAC0AACAEQf8BcXNBAnRBgAhqKAIAIARBCHZzIgFB/wFxc0ECdEGACGooAgAgAUEIdnMiAUH/AXFzQQJ0QYAIaigCACABQQh2cyIBQf8BcXNBAnRBgAhqKAIAIAFBCHZzIQQgAEEEaiIAIAVHDQALCyAEQX9zBUEACyEBIAcgCGoiACACNgAEIAAgATYAACAAIANrQQhqIQYLIAYLIwAgAUGHJ2oiAEGIJ08EfyAAQYgnbkEFbAVBBQsgAWpBBmoL/AUBEH8CQCAEQQdJDQAgAwJ/QYDwASAAKAIIIgVBAkkNABpBwPABIAVBBkkNABpBgPEBQcDxASAFQQhJGwsiBSAFQR9wckEfcyIFQQh0IAVBCHZyOwAAIAAgASACIANBAmoiBSAEQQZrEAsiAEUNACAAIAVqIhACf0EBIAFFDQAaQQEhBiACBEADQCACIAJBsCsgAkGwK0kbIgdrIQICQCAHQQRPBEAgB0EEayIFQQJ2QQFqIgBBAXEhEUEAIQQCQCAFQQRJBEBBACEJQQAhC0EAIQxBACENDAELIABB/v///wdxIRIgASEAQQAhCUEAIQtBACEMQQAhDUEAIQ8DQCAALQADIgogAC0AAiIFIAAtAAEiASAGIAAtAAAiE2pqamoiFCAEIAZqaiEEIAdBCGshByAALQAHIg4gCiANamohDSAALQAGIgogBSAMamohDCAALQAFIgUgASALamohCyAALQAEIgEgCSATamohCSABIBRqIAVqIApqIA5qIQYgAEEIaiIBIQAgD0ECaiIPIBJHDQALCyARBEAgB0EEayEHIAQgBmohBCANIAEtAAMiDmohDSAMIAEtAAIiCmohDCALIAEtAAEiBWohCyAJIAEtAAAiAGohCSAAIAZqIAVqIApqIA5qIQYgAUEEaiEBCyALQQNsIAhqIAQgCWpBAnRqIAxBAXRqIA1qIQggB0UNAQtBACEJIAchBCABIQAgB0EDcSIFBEADQCAEQQFrIQQgBiAALQAAaiIGIAhqIQggAEEBaiEAIAlBAWoiCSAFRw0ACwsgB0EBa0EDTwRAA0AgBiAALQAAaiIOIAAtAAFqIgogAC0AAmoiBSAALQADaiIGIAUgCiAIIA5qampqIQggAEEEaiEAIARBBGsiBA0ACwsgASAHaiEBCyAIQfH/A3AhCCAGQfH/A3AhBiACDQALCyAIQRB0IAZyCyIAQRh0IABBCHRBgID8B3FyIABBCHZBgP4DcSAAQRh2cnI2AAAgECADa0EEaiEHCyAHCyQAQQUhACABIAFBhydqIgFBiCdPBH8gAUGIJ25BBWwFQQULagsXACAABEAgAEEEaygCACAAKAIEEQQACwvSHwEEfwJAIABBDEsNAEGAyAAoAgBBDEcNAAJ/QYTIACgCACIBQfjXACgCACABGyEBQQACf0GAhKYEIABBCUsNABpB4OQoIABBAUsNABpB4K8MQcAvIABBAUYbC0EjaiABEQAAIgJFDQAaIAJBI2pBYHEiAUEEayACNgIAIAELIgFFDQBB/NcAKAIAIQNBiMgAKAIAIQIgASAANgIIIAFBNyAAQQJ0azYCDCABIAIgAyACGzYCBAJAAkACQAJAAkACQAJAAkACQAJAAkACQAJAAkAgAA4MAAECAwQFBgcICQoLDAsgAUEANgIAIAFBfzYCDAwMCyABQSA2AhQgAUEBNgIADAsLIAFChoCAgKABNwMQIAFBAjYCAAwKCyABQoyAgIDgATcDECABQQI2AgAMCQsgAUKQgICA4AM3AxAgAUECNgIADAgLIAFCkICAgOADNwMQIAFBAzYCAAwHCyABQqOAgICQCDcDECABQQM2AgAMBgsgAULkgICAoBA3AxAgAUEDNgIADAULIAFCrIKAgKAgNwMQIAFBBDYCAAwECyABQtiEgICgIDcDECABQQQ2AgAMAwsgAUKjgICAsAk3AxAgAUEFNgIAIAFB7IOmBGpCIDcCACABQeSDpgRqQoKAgICABDcCACABQb3zowRqQoqUqNCgwYKFCjcAACABQbXzowRqQomSpMiQocKECTcAACABQa3zowRqQoiQoMCAgYKECDcAACABQaXzowRqQoaMmLDw4MGDBzcAACABQZ3zowRqQoCCiJjAgMGCBTcAACABQcXzowRqQoqUqNCgwYKFCjcAACABQdXzowRqQouWrNiw4cKFCzcAACABQc3zowRqQouWrNiw4cKFCzcAACABQd3zowRqQoyYsODAgYOGDDcAACABQeXzowRqQoyYsODAgYOGDDcAACABQe3zowRqQoyYsODAgYOGDDcAACABQfXzowRqQoyYsODAgYOGDDcAACABQf3zowRqQo2atOjQocOGDTcAACABQYX0owRqQo2atOjQocOGDTcAACABQY30owRqQo2atOjQocOGDTcAACABQZX0owRqQo2atOjQocOGDTcAACABQdX0owRqQo6cuPDgwYOHDjcAACABQc30owRqQo6cuPDgwYOHDjcAACABQcX0owRqQo6cuPDgwYOHDjcAACABQb30owRqQo6cuPDgwYOHDjcAACABQbX0owRqQo6cuPDgwYOHDjcAACABQa30owRqQo6cuPDgwYOHDjcAACABQaX0owRqQo6cuPDgwYOHDjcAACABQZ30owRqQo6cuPDgwYOHDjcAACABQZX1owRqQo+evPjw4cOHDzcAACABQY31owRqQo+evPjw4cOHDzcAACABQYX1owRqQo+evPjw4cOHDzcAACABQf30owRqQo+evPjw4cOHDzcAACABQfX0owRqQo+evPjw4cOHDzcAACABQe30owRqQo+evPjw4cOHDzcAACABQeX0owRqQo+evPjw4cOHDzcAACABQd30owRqQo+evPjw4cOHDzcAACABQZ31owRqQRBBgAEQAhogAUGd9qMEakERQYABEAIaIAFBnfejBGpBEkGAAhACGiABQZ35owRqQRNBgAIQAhogAUGd+6MEakEUQYAEEAIaIAFBnf+jBGpBFUGABBACGiABQZ2DpARqQRZBgAgQAhogAUGdi6QEakEXQYAIEAIaIAFBnZOkBGpBGEGAEBACGiABQZ2jpARqQRlBgBAQAhogAUGds6QEakEaQYAgEAIaIAFBndOkBGpBG0GAIBACGiABQZ3zpARqQRxBgMAAEAIaIAFBnbOlBGpBHUGAwAAQAhoMAgsgAULkgICA4BI3AxAgAUEFNgIAIAFB7IOmBGpCkICAgID9ADcCACABQeSDpgRqQoSAgICAAjcCACABQb3zowRqQoqUqNCgwYKFCjcAACABQbXzowRqQomSpMiQocKECTcAACABQa3zowRqQoiQoMCAgYKECDcAACABQaXzowRqQoaMmLDw4MGDBzcAACABQZ3zowRqQoCCiJjAgMGCBTcAACABQcXzowRqQoqUqNCgwYKFCjcAACABQdXzowRqQouWrNiw4cKFCzcAACABQc3zowRqQouWrNiw4cKFCzcAACABQd3zowRqQoyYsODAgYOGDDcAACABQeXzowRqQoyYsODAgYOGDDcAACABQe3zowRqQoyYsODAgYOGDDcAACABQfXzowRqQoyYsODAgYOGDDcAACABQf3zowRqQo2atOjQocOGDTcAACABQYX0owRqQo2atOjQocOGDTcAACABQY30owRqQo2atOjQocOGDTcAACABQZX0owRqQo2atOjQocOGDTcAACABQdX0owRqQo6cuPDgwYOHDjcAACABQc30owRqQo6cuPDgwYOHDjcAACABQcX0owRqQo6cuPDgwYOHDjcAACABQb30owRqQo6cuPDgwYOHDjcAACABQbX0owRqQo6cuPDgwYOHDjcAACABQa30owRqQo6cuPDgwYOHDjcAACABQaX0owRqQo6cuPDgwYOHDjcAACABQZ30owRqQo6cuPDgwYOHDjcAACABQZX1owRqQo+evPjw4cOHDzcAACABQY31owRqQo+evPjw4cOHDzcAACABQYX1owRqQo+evPjw4cOHDzcAACABQf30owRqQo+evPjw4cOHDzcAACABQfX0owRqQo+evPjw4cOHDzcAACABQe30owRqQo+evPjw4cOHDzcAACABQeX0owRqQo+evPjw4cOHDzcAACABQd30owRqQo+evPjw4cOHDzcAACABQZ31owRqQRBBgAEQAhogAUGd9qMEakERQYABEAIaIAFBnfejBGpBEkGAAhACGiABQZ35owRqQRNBgAIQAhogAUGd+6MEakEUQYAEEAIaIAFBnf+jBGpBFUGABBACGiABQZ2DpARqQRZBgAgQAhogAUGdi6QEakEXQYAIEAIaIAFBnZOkBGpBGEGAEBACGiABQZ2jpARqQRlBgBAQAhogAUGds6QEakEaQYAgEAIaIAFBndOkBGpBG0GAIBACGiABQZ3zpARqQRxBgMAAEAIaIAFBnbOlBGpBHUGAwAAQAhoMAQsgAUKsgoCAoCA3AxAgAUEFNgIAIAFB7IOmBGpCgYCAgIDiCTcCACABQeSDpgRqQoqAgIAQNwIAIAFBvfOjBGpCipSo0KDBgoUKNwAAIAFBtfOjBGpCiZKkyJChwoQJNwAAIAFBrfOjBGpCiJCgwICBgoQINwAAIAFBpfOjBGpChoyYsPDgwYMHNwAAIAFBnfOjBGpCgIKImMCAwYIFNwAAIAFBxfOjBGpCipSo0KDBgoUKNwAAIAFB1fOjBGpCi5as2LDhwoULNwAAIAFBzfOjBGpCi5as2LDhwoULNwAAIAFB3fOjBGpCjJiw4MCBg4YMNwAAIAFB5fOjBGpCjJiw4MCBg4YMNwAAIAFB7fOjBGpCjJiw4MCBg4YMNwAAIAFB9fOjBGpCjJiw4MCBg4YMNwAAIAFB/fOjBGpCjZq06NChw4YNNwAAIAFBhfSjBGpCjZq06NChw4YNNwAAIAFBjfSjBGpCjZq06NChw4YNNwAAIAFBlfSjBGpCjZq06NChw4YNNwAAIAFB1fSjBGpCjpy48ODBg4cONwAAIAFBzfSjBGpCjpy48ODBg4cONwAAIAFBxfSjBGpCjpy48ODBg4cONwAAIAFBvfSjBGpCjpy48ODBg4cONwAAIAFBtfSjBGpCjpy48ODBg4cONwAAIAFBrfSjBGpCjpy48ODBg4cONwAAIAFBpfSjBGpCjpy48ODBg4cONwAAIAFBnfSjBGpCjpy48ODBg4cONwAAIAFBlfWjBGpCj568+PDhw4cPNwAAIAFBjfWjBGpCj568+PDhw4cPNwAAIAFBhfWjBGpCj568+PDhw4cPNwAAIAFB/fSjBGpCj568+PDhw4cPNwAAIAFB9fSjBGpCj568+PDhw4cPNwAAIAFB7fSjBGpCj568+PDhw4cPNwAAIAFB5fSjBGpCj568+PDhw4cPNwAAIAFB3fSjBGpCj568+PDhw4cPNwAAIAFBnfWjBGpBEEGAARACGiABQZ32owRqQRFBgAEQAhogAUGd96MEakESQYACEAIaIAFBnfmjBGpBE0GAAhACGiABQZ37owRqQRRBgAQQAhogAUGd/6MEakEVQYAEEAIaIAFBnYOkBGpBFkGACBACGiABQZ2LpARqQRdBgAgQAhogAUGdk6QEakEYQYAQEAIaIAFBnaOkBGpBGUGAEBACGiABQZ2zpARqQRpBgCAQAhogAUGd06QEakEbQYAgEAIaIAFBnfOkBGpBHEGAwAAQAhogAUGds6UEakEdQYDAABACGgsgAUEYaiECA0AgAiAEQQJ0aiIAQoKAgIAgNwIAIABBAjYCICAAQoKAgIAgNwIYIABCgoCAgCA3AhAgAEKCgICAIDcCCEGQASEAIARBCWoiBEGQAUcNAAsDQCACIABBAnQiA2pBATYCACACIANBBHJqQQE2AgAgAiADQQhyakEBNgIAIAIgA0EMcmpBATYCACACIANBEHJqQQE2AgAgAiADQRRyakEBNgIAIAIgA0EYcmpBATYCACACIANBHHJqQQE2AgAgAEEIaiIAQYACRw0ACyABQZAKakKBgICAEDcCACABQYgKakKBgICAEDcCACABQYAKakKBgICAEDcCACABQfgJakKBgICAEDcCACABQfAJakKBgICAEDcCACABQegJakKBgICAEDcCACABQeAJakKBgICAEDcCACABQdgJakKBgICAEDcCACABQdAJakKBgICAEDcCACABQcgJakKBgICAEDcCACABQcAJakKBgICAEDcCACABQbgJakKBgICAEDcCACABQbAJakKBgICAEDcCACABQagJakKBgICAEDcCACABQaAJakKBgICAEDcCACABQZgJaiIAQoGAgIAQNwIAIAFBkAlqQoKAgIAgNwIAIAFBiAlqQoKAgIAgNwIAIAFBgAlqQoKAgIAgNwIAIAFB+AhqQoKAgIAgNwIAIAFB8AhqQoSAgIDAADcCACABQegIakKEgICAwAA3AgAgAUHgCGpChICAgMAANwIAIAFB2AhqQoSAgIDAADcCACABQdAIakKEgICAwAA3AgAgAUHICGpChICAgMAANwIAIAFBwAhqQoSAgIDAADcCACABQbgIakKEgICAwAA3AgAgAUGwCGpChICAgMAANwIAIAFBqAhqQoSAgIDAADcCACABQaAIakKEgICAwAA3AgAgAUGYCGpChICAgMAANwIAQaACQQ4gAiABQbAhaiABQbAXahADQSBBDyAAIAFB0CNqIAFBsCBqEAMgASEDCyADC6ERARp/IABBwC9qIQkgACgCFCEGA0AgCSAFQQF0IgRqQYCAAjsBACAJIARBAnJqQYCAAjsBACAJIARBBHJqQYCAAjsBACAJIARBBnJqQYCAAjsBACAJIARBCHJqQYCAAjsBACAJIARBCnJqQYCAAjsBACAJIARBDHJqQYCAAjsBACAJIARBDnJqQYCAAjsBACAFQQhqIgVBgIAERw0AC0GCAiEKIAZBggIgBkGCAkkbIRIgAEHwE2ohFSAAQZAXaiEWIABBmAlqIRcgAEHwFGohGCAAQfAKaiEZIABBwK8MaiEaIABBGGohGyAAQcCvCGohEyABIAJqIREgASEPA0AgG0EAQYAKEAIhECATQQA2AgAgESAPQf//A2ogESAPa0GHpwRJGyEcIBMhCyAPIQYDQAJAIBEgBmsiAkGBAk0EQCACQQRNBEAgAkEBcQR/IBAgBi0AAEECdGoiBCAEKAIAQQFqNgIAIAsgCygCAEEBajYCACAGQQFqIQYgAkEBawUgAgshBUEAIQogAkEBRgRAIAYhDAwDCwNAIBAgBi0AAEECdGoiAiACKAIAQQFqNgIAIAsgCygCAEEBajYCACAQIAYtAAFBAnRqIgIgAigCAEEBajYCACALIAsoAgBBAWo2AgAgBkECaiEGIAVBAmsiBQ0ACyAGIQwMAgsgEiACIAIgEksbIRIgAiEKC0EAIQUgBiABayIHQYCAAkYEQANAIAkgBUEBdCICaiIEIAQuAQAiBEEAIARBAEobQYCAAnI7AQAgCSACQQJyaiIEIAQuAQAiBEEAIARBAEobQYCAAnI7AQAgCSACQQRyaiIEIAQuAQAiBEEAIARBAEobQYCAAnI7AQAgCSACQQZyaiICIAIuAQAiAkEAIAJBAEobQYCAAnI7AQAgBUEEaiIFQYCABEcNAAtBACEHIAFBgIACaiEBCyAJIA5BAnRqIgIuAQAhBCAGKAAAIQggBigAASEFIAIgBzsBACAGQQFqIQwgBUG9z9bxAWxBEXYhDgJAAkAgB0EQdEEQdUGAgH5zIhQgBE4NACACLgECIQ0gAiAEOwECAkAgCCABIARqIgUoAABGBEACQAJAIApBFGtBb0siHQR/QQQFQQQhBCAGKAAEIAUoAARzIgINAUEIIQQgBigACCAFKAAIcyICDQFBDCEEIAYoAAwgBSgADHMiAg0BQRAhBCAGKAAQIAUoABBzIgINAUEUCyEHA0AgCiAHIgRBBGoiB0kEQCAEIApPDQMDQCAEIAVqLQAAIAQgBmotAABHDQQgBEEBaiIEIApHDQALIAohBAwDCyAEIAZqKAAAIAQgBWooAABzIgJFDQALCyACaEEDdiAEaiEECyANIBRMDQEgBCASTw0BIAggASANaiIIKAAARw0BIAQgCGpBA2soAAAgBCAGakEDaygAAEcNAQJAAkAgHQR/QQQFQQQhAiAGKAAEIAgoAARzIg0NAUEIIQIgBigACCAIKAAIcyINDQFBDCECIAYoAAwgCCgADHMiDQ0BQRAhAiAGKAAQIAgoABBzIg0NAUEUCyEHA0AgCiAHIgJBBGoiB0kEQCACIApPDQMDQCACIAhqLQAAIAIgBmotAABHDQQgAkEBaiICIApHDQALIAohAgwDCyACIAZqKAAAIAIgCGooAABzIg1FDQALCyANaEEDdiACaiECCyACIAQgAiAESyICGyEEIAggBSACGyEFDAELIA0gFEwNASABIA1qIgUoAAAgCEcNAQJAIApBFGtBb0sEf0EEBUEEIQQgBigABCAFKAAEcyIHDQFBCCEEIAYoAAggBSgACHMiBw0BQQwhBCAGKAAMIAUoAAxzIgcNAUEQIQQgBigAECAFKAAQcyIHDQFBFAshAgNAIAogAiIEQQRqIgJJBEAgBCAKTw0DA0AgBCAFai0AACAEIAZqLQAARw0EIARBAWoiBCAKRw0ACyAKIQQMAwsgBCAGaigAACAEIAVqKAAAcyIHRQ0ACwsgB2hBA3YgBGohBAsgBEUNACAEQZDIAGotAABBAnQgEGpBhAhqIgIgAigCAEEBajYCACAAQYACIAYgBWsiAmtBHXYiBUEBdCACQQFrIAV2QaDKAGotAABqIgVBAnRqQZgJaiIHIAcoAgBBAWo2AgAgC0EANgIIIAsgBTsBBiALIAI7AQQgCyALKAIAIARBF3RyNgIAAkAgBEEEaiARIAxrSw0AIARBAWshDUEAIQIgDCABayIFIARqQYKAAmtB//99TQRAA0AgCSACQQF0IgdqIgggCC4BACIIQQAgCEEAShtBgIACcjsBACAJIAdBAnJqIgggCC4BACIIQQAgCEEAShtBgIACcjsBACAJIAdBBHJqIgggCC4BACIIQQAgCEEAShtBgIACcjsBACAJIAdBBnJqIgcgBy4BACIHQQAgB0EAShtBgIACcjsBACACQQRqIgJBgIAERw0ACyAFQYCAAmshBSABQYCAAmohAQsgDUEBcQRAIAkgDkECdGoiAiACLwEAOwECIAIgBTsBACAEQQJrIQ0gBUEBaiEFIAYoAAJBvc/W8QFsQRF2IQ4gBkECaiEMCyAEQQJGDQADQCAJIA5BAnRqIgIgAi8BADsBAiACIAU7AQAgCSAMKAABQb3P1vEBbEEPdkH8/wdxaiICIAIvAQA7AQIgAiAFQQFqOwEAIAVBAmohBSAMKAACQb3P1vEBbEERdiEOIAxBAmohDCANQQJrIg0NAAsLIAtBCGohCyAEIAZqIQwMAQsgECAGLQAAQQJ0aiICIAIoAgBBAWo2AgAgCyALKAIAQQFqNgIACyAMIBxPDQAgDCEGIAsgGkkNAQsLIAAgACgCmAhBAWo2ApgIQaACQQ4gECAYIBkQA0EgQQ8gFyAWIBUQAyAAIAMgDyAMIA9rIBMgDCARRiICEAUgAkUEQCAMIQ8gAy0AEEUNAQsLCwvVTwkAQYQIC/0/ljAHdyxhDu66UQmZGcRtB4/0anA1pWPpo5VknjKI2w6kuNx5HunV4IjZ0pcrTLYJvXyxfgctuOeRHb+QZBC3HfIgsGpIcbnz3kG+hH3U2hrr5N1tUbXU9MeF04NWmGwTwKhrZHr5Yv3syWWKT1wBFNlsBmNjPQ/69Q0IjcggbjteEGlM5EFg1XJxZ6LR5AM8R9QES/2FDdJrtQql+qi1NWyYskLWybvbQPm8rONs2DJ1XN9Fzw3W3Fk90ausMNkmOgDeUYBR18gWYdC/tfS0ISPEs1aZlbrPD6W9uJ64AigIiAVfstkMxiTpC7GHfG8vEUxoWKsdYcE9LWa2kEHcdgZx2wG8INKYKhDV74mFsXEftbYGpeS/nzPUuOiiyQd4NPkAD46oCZYYmA7huw1qfy09bQiXbGSRAVxj5vRRa2tiYWwc2DBlhU4AYvLtlQZse6UBG8H0CIJXxA/1xtmwZVDptxLquL6LfIi5/N8d3WJJLdoV83zTjGVM1PtYYbJNzlG1OnQAvKPiMLvUQaXfSteV2D1txNGk+/TW02rpaUP82W40RohnrdC4YNpzLQRE5R0DM19MCqrJfA3dPHEFUKpBAicQEAu+hiAMySW1aFezhW8gCdRmuZ/kYc4O+d5emMnZKSKY0LC0qNfHFz2zWYENtC47XL23rWy6wCCDuO22s7+aDOK2A5rSsXQ5R9Xqr3fSnRUm2wSDFtxzEgtj44Q7ZJQ+am0NqFpqegvPDuSd/wmTJ64ACrGeB31Ekw/w0qMIh2jyAR7+wgZpXVdi98tnZYBxNmwZ5wZrbnYb1P7gK9OJWnraEMxK3Wdv37n5+e++jkO+txfVjrBg6KPW1n6T0aHEwtg4UvLfT/Fnu9FnV7ym3Qa1P0s2skjaKw3YTBsKr/ZKAzZgegRBw+9g31XfZ6jvjm4xeb5pRoyzYcsag2a8oNJvJTbiaFKVdwzMA0cLu7kWAiIvJgVVvju6xSgLvbKSWrQrBGqzXKf/18Ixz9C1i57ZLB2u3luwwmSbJvJj7JyjanUKk20CqQYJnD82DuuFZwdyE1cABYJKv5UUerjiriuxezgbtgybjtKSDb7V5bfv3Hwh39sL1NLThkLi1PH4s91oboPaH80WvoFbJrn24Xewb3dHtxjmWgiIcGoP/8o7BmZcCwER/55lj2muYvjT/2thRc9sFnjiCqDu0g3XVIMETsKzAzlhJmen9xZg0E1HaUnbd24+SmrRrtxa1tlmC99A8DvYN1OuvKnFnrvef8+yR+n/tTAc8r29isK6yjCTs1Omo7QkBTbQupMG180pV95Uv2fZIy56ZrO4SmHEAhtoXZQrbyo3vgu0oY4MwxvfBVqN7wItAAAAAEExGxmCYjYyw1MtKwTFbGRF9Hd9hqdaVseWQU8IitnISbvC0Yro7/rL2fTjDE+1rE1+rrWOLYOezxyYh1ESwkoQI9lT03D0eJJB72FV164uFOa1N9e1mByWhIMFWZgbghipAJvb+i2wmss2qV1dd+YcbGz/3z9B1J4OWs2iJISV4xWfjCBGsqdhd6m+puHo8efQ8+gkg97DZbLF2qquXV3rn0ZEKMxrb2n9cHauazE571oqICwJBwttOBwS8zZG37IHXcZxVHDtMGVr9PfzKru2wjGidZEciTSgB5D7vJ8Xuo2EDnneqSU477I8/3nzc75I6Gp9G8VBPCreWAVPefBEfmLphy1PwsYcVNsBihWUQLsOjYPoI6bC2Ti/DcWgOEz0uyGPp5YKzpaNEwkAzFxIMddFi2L6bspT4XdUXbu6FWygo9Y/jYiXDpaRUJjX3hGpzMfS+uHsk8v69VzXYnId5nlr3rVUQJ+ET1lYEg4WGSMVD9pwOCSbQSM9p2v9ZeZa5nwlCctXZDjQTqOukQHin4oYIcynM2D9vCqv4SSt7tA/tC2DEp9ssgmGqyRIyeoVU9ApRn77aHdl4vZ5Py+3SCQ2dBsJHTUqEgTyvFNLs41IUnDeZXkx735g/vPm57/C/f58kdDVPaDLzPo2ioO7B5GaeFS8sTllp6hLmIM7CqmYIsn6tQmIy64QT13vXw5s9EbNP9ltjA7CdEMSWvMCI0HqwXBswYBBd9hH1zaXBuYtjsW1AKWEhBu8GopBcVu7WmiY6HdD2dlsWh5PLRVffjYMnC0bJ90cAD4SAJi5UzGDoJBirovRU7WSFsX03Vf078SUp8Lv1ZbZ9um8B66ojRy3a94xnCrvKoXteWvKrEhw028bXfguKkbh4TbeZqAHxX9jVOhUImXzTeXzsgKkwqkbZ5GEMCagnym4rsXk+Z/e/TrM89Z7/ejPvGupgP1aspk+CZ+yfziEq7AkHCzxFQc1MkYqHnN3MQe04XBI9dBrUTaDRnp3sl1jTtf6yw/m4dLMtcz5jYTX4EoSlq8LI422yHCgnYlBu4RGXSMDB2w4GsQ/FTGFDg4oQphPZwOpVH7A+nlVgctiTB/FOIFe9COYnacOs9yWFaobAFTlWjFP/JliYtfYU3nOF0/hSVZ++lCVLdd71BzMYhOKjS1Su5Y0kei7H9DZoAbs835ercJlR26RSGwvoFN16DYSOqkHCSNqVCQIK2U/EeR5p5alSLyPZhuRpCcqir3gvMvyoY3Q62Le/cAj7+bZveG8FPzQpw0/g4omfrKRP7kk0HD4FctpO0bmQnp3/Vu1a2Xc9Fp+xTcJU+52OEj3sa4JuPCfEqEzzD+Kcv0kkwAAAAA3asIBbtSEA1m+RgLcqAkH68LLBrJ8jQSFFk8FuFETDo870Q/WhZcN4e9VDGT5GglTk9gICi2eCj1HXAtwoyYcR8nkHR53oh8pHWAerAsvG5th7RrC36sY9bVpGcjyNRL/mPcTpiaxEZFMcxAUWjwVIzD+FHqOuBZN5HoX4EZNONcsjzmOksk7ufgLOjzuRD8LhIY+UjrAPGVQAj1YF142b32cNzbD2jUBqRg0hL9XMbPVlTDqa9My3QERM5DlaySnj6kl/jHvJ8lbLSZMTWIjeyegIiKZ5iAV8yQhKLR4Kh/euitGYPwpcQo+KPQccS3DdrMsmsj1Lq2iNy/AjZpw9+dYca5ZHnOZM9xyHCWTdytPUXZy8Rd0RZvVdXjciX5Ptkt/FggNfSFiz3ykdIB5kx5CeMqgBHr9ysZ7sC68bIdEfm3e+jhv6ZD6bmyGtWtb7HdqAlIxaDU482kIf69iPxVtY2arK2FRwelg1NemZeO9ZGS6AyJmjWngZyDL10gXoRVJTh9TS3l1kUr8Y95PywkcTpK3Wkyl3ZhNmJrERq/wBkf2TkBFwSSCREQyzUFzWA9AKuZJQh2Mi0NQaPFUZwIzVT68dVcJ1rdWjMD4U7uqOlLiFHxQ1X6+Ueg54lrfUyBbhu1mWbGHpFg0ketdA/spXFpFb15tL61fgBs14bdx9+Duz7Hi2aVz41yzPOZr2f7nMme45QUNeuQ4SibvDyDk7laeouxh9GDt5OIv6NOI7emKNqvrvVxp6vC4E/3H0tH8nmyX/qkGVf8sEBr6G3rY+0LEnvl1rlz4SOkA83+DwvImPYTwEVdG8ZRBCfSjK8v1+pWN983/T/ZgXXjZVze62A6J/No54z7bvPVx3oufs9/SIfXd5Us33NgMa9fvZqnWttjv1IGyLdUEpGLQM86g0Wpw5tNdGiTSEP5exSeUnMR+KtrGSUAYx8xWV8L7PJXDooLTwZXoEcCor03Ln8WPysZ7ycjxEQvJdAdEzENths0a08DPLbkCzkCWr5F3/G2QLkIrkhko6ZOcPqaWq1Rkl/LqIpXFgOCU+Me8n8+tfp6WEzicoXn6nSRvtZgTBXeZSrsxm33R85owNYmNB19LjF7hDY5pi8+P7J2Aitv3QouCSQSJtSPGiIhkmoO/DliC5rAegNHa3IFUzJOEY6ZRhToYF4cNctWGoNDiqZe6IKjOBGaq+W6kq3x4665LEimvEqxvrSXGrawYgfGnL+szpnZVdaRBP7elxCn4oPNDOqGq/XyjnZe+otBzxLXnGQa0vqdAtonNgrcM282yO7EPs2IPSbFVZYuwaCLXu19IFboG9lO4MZyRubSK3ryD4By92l5av+00mL4AAAAAZWe8uIvICarur7USV5dijzLw3jfcX2sluTjXne8otMWKTwh9ZOC9bwGHAde4v9ZK3dhq8jN33+BWEGNYn1cZUPowpegUnxD6cfisQsjAe9+tp8dnQwhydSZvzs1wf62VFRgRLfu3pD+e0BiHJ+jPGkKPc6KsIMawyUd6CD6vMqBbyI4YtWc7CtAAh7JpOFAvDF/sl+LwWYWHl+U90YeGZbTgOt1aT4/PPygzd4YQ5Orjd1hSDdjtQGi/Ufih+CvwxJ+XSCowIlpPV57i9m9Jf5MI9cd9p0DVGMD8bU7QnzUrtyONxRiWn6B/KicZR/26fCBBApKP9BD36EioPVgUm1g/qCO2kB0x0/ehiWrPdhQPqMqs4Qd/voRgwwbScKBetxcc5lm4qfQ83xVMhefC0eCAfmkOL8t7a0h3w6IPDcvHaLFzKccEYUyguNn1mG9EkP/T/H5QZu4bN9pWTSe5DihABbbG77Cko4gMHBqw24F/12c5kXjSK/QfbpMD9yY7ZpCag4g/L5HtWJMpVGBEtDEH+AzfqE0eus/xpuzfkv6JuC5GZxebVAJwJ+y7SPBx3i9MyTCA+dtV50VjnKA/a/nHg9MXaDbBcg+Kecs3XeSuUOFcQP9UTiWY6PZziIuuFu83FvhAggSdJz68JB/pIUF4VZmv1+CLyrBcMzu2We1e0eVVsH5QR9UZ7P9sITtiCUaH2ufpMsiCjo5w1J7tKLH5UZBfVuSCOjFYOoMJj6fmbjMfCMGGDW2mOrWk4UC9wYb8BS8pSRdKTvWv83YiMpYRnop4viuYHdmXIEvJ9HgurkjAwAH90qVmQWocXpb3eTkqT5eWn13y8SPlBRlrTWB+1/WO0WLn67beX1KOCcI36bV62UYAaLwhvNDqMd+Ij1ZjMGH51iIEnmqavaa9B9jBAb82brStUwkIFZpOch3/Kc6lEYZ7t3Thxw/N2RCSqL6sKkYRGTgjdqWAdWbG2BABemD+rs9ym8lzyiLxpFdHlhjvqTmt/cxeEUUG7k12Y4nxzo0mRNzoQfhkUXkv+TQek0HasSZTv9aa6+nG+bOMoUULYg7wGQdpTKG+UZs82zYnhDWZkpZQ/i4umblUJvze6J4ScV2MdxbhNM4uNqmrSYoRReY/AyCBg7t2keDjE/ZcW/1Z6UmYPlXxIQaCbERhPtSqzovGz6k3fjhBf9ZdJsNus4l2fNbuysRv1h1ZCrGh4eQeFPOBeahL12nLE7IOd6tcocK5OcZ+AYD+qZzlmRUkCzagNm5RHI6nFmaGwnHaPizebyxJudOU8IEECZXmuLF7SQ2jHi6xG0g+0kMtWW77w/bb6aaRZ1EfqbDMes4MdJRhuWbxBgXeAAAAALApYD1gU8B60HqgR8CmgPVwj+DIoPVAjxDcILLBS3AwcWIQDaEYsEoRMdB3Ae3wxbHEkPhhvjC/0ZdQgoKX4GAyvoBd4sQgGlLtQCdCMWCV8hgAqCJioO+SS8DSQ9yQUPP18G0jj1Aqk6YwF4N6EKUzU3CY4ynQ31MAsOIEL8HBtAah/GR8AbvUVWGGxIlBNHSgIQmk2oFOFPPhc8VksfF1TdHMpTdxixUeEbYFwjEEtetROWWR8X7VuJFDhrghoTaRQZzm6+HbVsKB5kYeoVT2N8FpJk1hLpZkARNH81GR99oxrCegkeuXifHWh1XRZDd8sVnnBhEeVy9xI0lY81j5cZNlKQszIpkiUx+J/nOtOdcTkOmts9dZhNPqiBODaDg641XoQEMSWGkjL0i1A534nGOgKObD55jPo9rLzxM4e+ZzBauc00IbtbN/C2mTzbtA8/BrOlO32xMzigqEYwi6rQM1atejctr+w0/KIuP9eguDwKpxI4caWEO6TXcymf1eUqQtJPLjnQ2S3o3Rsmw9+NJR7YJyFl2rEiuMPEKpPBUilOxvgtNcRuLuTJrCXPyzomEsyQImnOBiG8/g0vl/ybLEr7MSgx+acr4PRlIMv28yMW8VknbfPPJLDquiyb6CwvRu+GKz3tECjs4NIjx+JEIBrl7iRh53gnuSsOaxIpmGjPLjJstCykb2UhZmROI/BnkyRaY+gmzGA1P7loHj0va8M6hW+4OBNsaTXRZ0I3R2SfMO1g5DJ7YzECcG0aAOZuxwdMarwF2mltCBhiRgqOYZsNJGXgD7JmPRbHbhYUUW3LE/tpsBFtamEcr2FKHjlilxmTZuwbBWU5afJ3AmtkdN9sznCkblhzdWOaeF5hDHuDZqZ/+GQwfCV9RXQOf9N303h5c6h673B5dy17UnW7eI9yEXz0cId/IUCMcQpCGnLXRbB2rEcmdX1K5H5WSHJ9i0/YefBNTnotVDtyBlatcdtRB3WgU5F2cV5TfVpcxX6HW296/Fn5eS2+gV6WvBddS7u9WTC5K1rhtOlRyrZ/Uhex1VZss0NVsao2XZqooF5HrwpaPK2cWe2gXlLGoshRG6ViVWCn9Fa1l/9YnpVpW0OSw184kFVc6Z2XV8KfAVQfmKtQZJo9U7mDSFuSgd5YT4Z0XDSE4l/liSBUzou2VxOMHFNojopQvfx9Qob+60Fb+UFFIPvXRvH2FU3a9INOB/MpSnzxv0mh6MpBiupcQlft9kYs72BF/eKiTtbgNE0L555JcOUISqXVA0SO15VHU9A/QyjSqUD532tL0t39SA/aV0x02MFPqcG0R4LDIkRfxIhAJMYeQ/XL3EjeyUpLA87gT3jMdkygAAAACl01zLC6HITa5ylIYWQpGbs5HNUB3jWda4MAUdbYJT7MhRDydmI5uhw/DHanvAwnfeE568cGEKOtWyVvGbAtYDPtGKyJCjHk41cEKFjUBHmCiTG1OG4Y/VIzLTHvaAhe9TU9kk/SFNoljyEWngwhR0RRFIv+tj3DlOsIDyNgWsB5PW8Mw9pGRKmHc4gSBHPZyFlGFXK+b10Y41qRpbh//r/lSjIFAmN6b19WttTcVucOgWMrtGZKY947f69q0HegQI1CbPpqaySQN17oK7ReufHpa3VLDkI9IVN38ZwIUp6GVWdSPLJOGlbve9btbHuHNzFOS43WZwPni1LPVsClgPydkExGerkELCeMyJekjJlN+blV9x6QHZ1DpdEgGIC+OkW1coCinDrq/6n2UXypp4shnGsxxrUjW5uA7+9wiODFLb0sf8qUZBWXoaiuFKH5dEmUNc6uvX2k84ixGait3gP1mBK5ErFa00+ElmjMhMeykbELCHaYQ2IrrY/VoP9Aj/3KjDUa48RfR9YI5MTWWT6Z45WEfsrd7iP/EVN42n5JJe+y88LG+pmf8zYiHPNn+EHGq0Km7+Mo+9ovnBDSILZN5+wMqs6kZvf7aN10+zkHKc71vc7nvdeT0nFqyPcecJXC0spy65qgL95WG6zeB8Hx68t7FsKDEUv3T62BSwHn3H7NXTtXhTdmYkmM5WIYVrhX1OxffpyGAktQO1luPyEEW/Ob43K78b5Hd0o9RyaQYHLqKodbokDabm70MWZh3mxTrWSLeuUO1k8ptVVPeG8IerTV71P8v7JmMALpQ18YtHaTolNf28gOahdzjWpGqdBfihM3dsJ5akMOzuERwZS8JA0uWw1FRAY4if+FONgl2A0Unz8kXPViEZBIOTT/UmQBM+iDKHuC3h23OV0d5uMAKCpZ5wFiM7o0rodRPKGtDAltF+sgJX22FenGNRW4HGggdKaPCTzM0jzwcYkZn2vULFPRMwUbu24w1wDtMIbasAVKYFcsAgoKGc67Qe6BERzbTav78gXBpsfJeiXHmKB48lQan9sccMLu0M2Zy7/XxP5zbSPXOwd+4ve8/eKmZqDXatxH/iK2GsvuAvHD4Sis9i2SS99l+BbqqUOV6viZyN80Iy/2fElyw7D0Kebf7nTTE1ST+ls+zs+XhU3Pxl8Q+grl99NCj6rmjjghtEFifIGN2JuoxbLGnQkJRZ1Y0xiolGn/gdwDorQQvvmRf6SkpLMeQ437dB64N8+duGYVwI2qryek4sV6kS5xkZkhW8ys7eErhaWLdrBpMPWwOOqohfRQT6y8OhKZcIdJvB+dFInTJ/Ogm02ulVf2LZUGLHCgypaXiYL8yrxOQAAAAAtAt3pikRn5edGugxEyRP9KcvOFI6NdBjjj6nxWdO7zPTRZiVTl9wpPpUBwJ0aqDHwGHXYV17P1DpcEj2zpzeZ3qXqcHnjUHwU4Y2Vt24kZNps+Y19KkOBECieaKp0jFUHdlG8oDDrsM0yNlluvZ+oA79CQaT5+E3J+yWkZw5vc8oMspptSgiWAEjVf6PHfI7OxaFnaYMbawSBxoK+3dS/E98JVrSZs1rZm26zehTHQhcWGquwUKCn3VJ9TlSpWOo5q4UDnu0/D/Pv4uZQYEsXPWKW/pokLPL3JvEbTXrjJuB4Ps9HPoTDKjxZKomz8NvksS0yQ/eXPi71SteeXULRM1+fOJQZJTT5G/jdWpRRLDeWjMWQ0DbJ/dLrIEeO+R3qjCT0Tcqe+CDIQxGDR+rg7kU3CUkDjQUkAVDsrfp1SMD4qKFnvhKtCrzPRKkzZrXEMbtcY3cBUA513Lm0Kc6EGSsTbb5tqWHTb3SIcODdeR3iAJC6pLqc16ZndXlTLaLUUfBLcxdKRx4Vl669mj5f0JjjtnfeWboa3IRToICWbg2CS4eqxPGLx8YsYmRJhZMJS1h6rg3idsMPP59K9Bo7J/bH0oCwfd7tsqA3Tj0JxiM/1C+EeW4j6XuzylMnoff+JXweWWPGEjRhG/uX7rIK+uxv412q1e8wqAgGvLqFohG4WEu2/uJH2/w/rnhzll8VcUu2sjfxut81LFNlaT5uyGvjh28tWYsCL4RioaAtk8yi8Hpr5Ep2BuaXn48dsjviH2/SRVnV3ihbCDeL1KHG5tZ8L0GQxiMskhvKls4J9zvM1B6cim4S8Yiz+1IHGgo/BcfjmEN97/VBoAZbtOrR9rY3OFHwjTQ88lDdn335LPJ/JMVVOZ7JODtDIIJnUR0vZYz0iCM2+OUh6xFGrkLgK6yfCYzqJQXh6PjsaBPdSAURAKGiV7qtz1VnRGzazrUB2BNcpp6pUMucdLlxwGaE3MK7bXuEAWEWhtyItQl1edgLqJB/TRKcEk/PdaLnx3MP5RqaqKOglsWhfX9mLtSOCywJZ6xqs2vBaG6CezR8v9Y2oVZxcBtaHHLGs7/9b0LS/7KrdbkIpxi71U6RQPDq/EItA1sElw82BkrmlYnjF/iLPv5fzYTyMs9ZG4iTSyYlkZbPgtcsw+/V8SpMWljbIViFMoYePz7rHOLXRemoAOjrdelPrc/lIq8SDIEgu/3sImYUS2TcGCZmAfGcOhPMMTjOJZZ+dCn7fKnAWPMAMTXx3diSt2fU/7W6PXZOn5kbTEJwvAr4fNEIJZVyh4xkH4VRjbjD64HVwTZob50kVcKf+bxl2UOwCNueWatUN6jGVupBYRBQTQwSjaSAAAAAJ4Aqsx9ByVC4wePjvoOSoRkDuBIhwlvxhkJxQq1G+XTKxtPH8gcwJFWHGpdTxWvV9EVBZsyEooVrBIg2Ssxu3y1MRGwVjaePsg2NPLRP/H4Tz9bNKw41LoyOH52niperwAq9GPjLXvtfS3RIWQkFCv6JL7nGSMxaYcjm6VWYnb5yGLcNStlU7u1Zfl3rGw8fTJslrHRaxk/T2uz8+N5kyp9eTnmnn62aAB+HKQZd9muh3dzYmRw/Oz6cFYgfVPNheNTZ0kAVOjHnlRCC4ddhwEZXS3N+lqiQ2RaCI/ISChWVkiCmrVPDRQrT6fYMkZi0qxGyB5PQUeQ0UHtXO3CnSlzwjflkMW4aw7FEqcXzNeticx9YWrL8u/0y1gjWNl4+sbZ0jYl3l24u973dKLXMn4815iy39AXPEHQvfDG8yZVWPOMmbv0Axcl9KnbPP1s0aL9xh1B+kmT3/rjX3Pow4bt6GlKDu/mxJDvTAiJ5okCF+YjzvThrEBq4QaMu6Dr0CWgQRzGp86SWKdkXkGuoVTfrguYPKmEFqKpLtoOuw4DkLukz3O8K0HtvIGN9LVEh2q17kuJsmHFF7LLCZCRUKwOkfpg7ZZ17nOW3yJqnxoo9J+w5BeYP2qJmJWmJYq1f7uKH7NYjZA9xo068d+E//tBhFU3ooPauTyDcHXahTtTRIWRn6eCHhE5grTdIItx176L2xtdjFSVw4z+WW+e3oDxnnRMEpn7woyZUQ6VkJQEC5A+yOiXsUZ2lxuK8bSAL2+0KuOMs6VtErMPoQu6yquVumBndr3v6ei9RSVEr2X82q/PMDmoQL6nqOpyvqEveCChhbTDpgo6Xaag9oznTaoS5+dm8eBo6G/gwiR26Qcu6Omt4gvuImyV7oigOfyoeaf8ArVE+4072vsn98Py4v1d8kgxvvXHvyD1bXOn1vbWOdZcGtrR05RE0XlYXdi8UsPYFp4g35kQvt8z3BLNEwWMzbnJb8o2R/HKnIvow1mBdsPzTZXEfMMLxNYPN0emeqlHDLZKQIM41EAp9M1J7P5TSUYysE7JvC5OY3CCXEOpHFzpZf9bZuthW8wneFIJLeZSo+EFVSxvm1WGoxx2HQaCdrfKYXE4RP9xkojmeFeCeHj9Tpt/csAFf9gMqW341TdtUhnUat2XSmp3W1NjslHNYxidLmSXE7BkPd9hJdCD/yV6Txwi9cGCIl8NmyuaBwUrMMvmLL9FeCwVidQ+NVBKPp+cqTkQEjc5ut4uMH/UsDDVGFM3WpbNN/BaShRr/9QUwTM3E069qRPkcbAaIXsuGou3zR0EOVMdrvX/D44sYQ8k4IIIq24cCAGiBQHEqJsBbmR4BuHq5gZLJgwAQZTIAAv/AQECAwQFBgcICAkJCgoLCwwMDAwNDQ0NDg4ODg8PDw8QEBAQEBAQEBEREREREREREhISEhISEhITExMTExMTExQUFBQUFBQUFBQUFBQUFBQVFRUVFRUVFRUVFRUVFRUVFhYWFhYWFhYWFhYWFhYWFhcXFxcXFxcXFxcXFxcXFxcYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGhoaGhoaGhoaGhoaGhoaGhoaGhoaGhoaGhoaGhoaGhobGxsbGxsbGxsbGxsbGxsbGxsbGxsbGxsbGxsbGxsbHABBocoAC/8DAQIDBAQFBQYGBgYHBwcHCAgICAgICAgJCQkJCQkJCQoKCgoKCgoKCgoKCgoKCgoLCwsLCwsLCwsLCwsLCwsLDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwNDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ4ODg4ODg4ODg4ODg4ODg4ODg4ODg4ODg4ODg4ODg4ODg4ODg4ODg4ODg4ODg4ODg4ODg4ODg4ODg4ODg4ODg4PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PAIBAwCCgYOAQkFDQMLBw8AiISMgoqGjoGJhY2Di4ePgEhETEJKRk5BSUVNQ0tHT0DIxMzCysbOwcnFzcPLx8/AKCQsIiomLiEpJS0jKycvIKikrKKqpq6hqaWto6unr6BoZGxiamZuYWllbWNrZ29g6OTs4urm7uHp5e3j6+fv4BgUHBIaFh4RGRUdExsXHxCYlJySmpaekZmVnZObl5+QWFRcUlpWXlFZVV1TW1dfUNjU3NLa1t7R2dXd09vX39A4NDwyOjY+MTk1PTM7Nz8wuLS8srq2vrG5tb2zu7e/sHh0fHJ6dn5xeXV9c3t3f3D49Pzy+vb+8fn1/fP79//wBBsM4ACwMCAwcAQcjOAAtLAQEBAQICAgIDAwMDBAQEBAUFBQUAAAAAAAAAAAEBAgIDAwQEBQUGBgcHCAgJCQoKCwsMDA0NAAAQERIACAcJBgoFCwQMAw0CDgEPAEGgzwALdgEAAAACAAAAAwAAAAQAAAAFAAAABwAAAAkAAAANAAAAEQAAABkAAAAhAAAAMQAAAEEAAABhAAAAgQAAAMEAAAABAQAAgQEAAAECAAABAwAAAQQAAAEGAAABCAAAAQwAAAEQAAABGAAAASAAAAEwAAABQAAAAWAAQaDQAAtyAwAAAAQAAAAFAAAABgAAAAcAAAAIAAAACQAAAAoAAAALAAAADQAAAA8AAAARAAAAEwAAABcAAAAbAAAAHwAAACMAAAArAAAAMwAAADsAAABDAAAAUwAAAGMAAABzAAAAgwAAAKMAAADDAAAA4wAAAAIBAEGg0QAL1gYJCQkJCQkICAcHBgYGBgYGBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAYGFiAmKzAzNjk7PUBBQ0VGSElKS0xNT1BQUVJTVFVVVldYWFlZWltbXFxdXV5fX2BgYGFhYmJjY2NkZGVlZWZmZmdnaGhoaWlpaWpqamtra2xsbGxtbW1tbm5ub29vb3BwcHBwcXFxcXJycnJyc3Nzc3N0dHR0dHV1dXV1dnZ2dnZ2d3d3d3d4eHh4eHh5eXl5eXl5enp6enp6e3t7e3t7e3x8fHx8fHx9fX19fX19fX5+fn5+fn5/f39/f39/f4CAgICAgICAgIGBgYGBgYGBgYKCgoKCgoKCgoODg4ODg4ODg4OEhISEhISEhISEhYWFhYWFhYWFhYaGhoaGhoaGbRAQICkwNTk8QEJFR0lLTE5QUVJTVVZXWFlaW1xcXV5fYGBhYmJjY2RlZWZmZ2doaGlpampra2xsbG1tbm5ub29wcHBxcXFycnJzc3NzdHR0dXV1dnZ2dnd3d3d4eHh4eXl5eXp6enp6e3t7e3x8fHx8fX19fX1+fn5+fn9/f39/gICAgICAgYGBgYGBgoKCgoKCg4ODg4ODg4SEhISEhIWFhYWFhYWGhoaGhoaGhoeHh4eHh4eHiIiIiIiIiIiJiYmJiYmJiYqKioqKioqKiouLi4uLi4uLi4yMjIyMjIyMjI2NjY2NjY2NjY2Ojo6Ojo6Ojo6Ojo+Pj4+Pj4+Pj4+QXSAgMDlARUlMUFJVV1lbXF5gYWJjZWZnaGlqa2xsbW5vcHBxcnJzc3R1dXZ2d3d4eHl5enp7e3x8fH19fn5+f3+AgICBgYGCgoKDg4ODhISEhYWFhoaGhoeHh4eIiIiIiYmJiYqKioqKi4uLi4yMjIyMjY2NjY2Ojo6Ojo+Pj4+PkJCQkJCQkZGRkZGRkpKSkpKSk5OTk5OTk5SUlJSUlJWVlZWVlZWWlpaWlpaWlpeXl5eXl5eXmJiYmJiYmJiZmZmZmZmZmZqampqampqampubm5ubm5ubm5ycnJycnJycnJ2dnZ2dnZ2dnZ2enp6enp6enp6enp+fn5+fn5+fn5+gVABB+NcACwsGAAAABwAAADAwUA==";if(!isDataURI(wasmBinaryFile)){wasmBinaryFile=locateFile(wasmBinaryFile)}function getBinary(file){try{if(file==wasmBinaryFile&&wasmBinary){return new Uint8Array(wasmBinary)}var binary=tryParseAsDataURI(file);if(binary){return binary}if(readBinary){return readBinary(file)}else{throw"sync fetching of the wasm failed: you can preload it to Module['wasmBinary'] manually, or emcc.py will do that for you when generating HTML (but not JS)"}}catch(err){abort(err)}}function instantiateSync(file,info){var instance;var module;var binary;try{binary=getBinary(file);module=new WebAssembly.Module(binary);instance=new WebAssembly.Instance(module,info)}catch(e){var str=e.toString();err("failed to compile wasm module: "+str);if(str.includes("imported Memory")||str.includes("memory import")){err("Memory size incompatibility issues may be due to changing INITIAL_MEMORY at runtime to something too large. Use ALLOW_MEMORY_GROWTH to allow any size memory (and also make sure not to set INITIAL_MEMORY at runtime to something smaller than it was at compile time).")}throw e}return[instance,module]}function createWasm(){var info={"a":asmLibraryArg};function receiveInstance(instance,module){var exports=instance.exports;Module["asm"]=exports;wasmMemory=Module["asm"]["c"];updateGlobalBufferAndViews(wasmMemory.buffer);wasmTable=Module["asm"]["i"];addOnInit(Module["asm"]["d"]);removeRunDependency("wasm-instantiate")}addRunDependency("wasm-instantiate");if(Module["instantiateWasm"]){try{var exports=Module["instantiateWasm"](info,receiveInstance);return exports}catch(e){err("Module.instantiateWasm callback failed with error: "+e);return false}}var result=instantiateSync(wasmBinaryFile,info);receiveInstance(result[0]);return Module["asm"]}function callRuntimeCallbacks(callbacks){while(callbacks.length>0){var callback=callbacks.shift();if(typeof callback=="function"){callback(Module);continue}var func=callback.func;if(typeof func=="number"){if(callback.arg===undefined){getWasmTableEntry(func)()}else{getWasmTableEntry(func)(callback.arg)}}else{func(callback.arg===undefined?null:callback.arg)}}}var wasmTableMirror=[];function getWasmTableEntry(funcPtr){var func=wasmTableMirror[funcPtr];if(!func){if(funcPtr>=wasmTableMirror.length)wasmTableMirror.length=funcPtr+1;wasmTableMirror[funcPtr]=func=wasmTable.get(funcPtr)}return func}function _emscripten_memcpy_big(dest,src,num){HEAPU8.copyWithin(dest,src,src+num)}function _emscripten_get_heap_max(){return 2147483648}function emscripten_realloc_buffer(size){try{wasmMemory.grow(size-buffer.byteLength+65535>>>16);updateGlobalBufferAndViews(wasmMemory.buffer);return 1}catch(e){}}function _emscripten_resize_heap(requestedSize){var oldSize=HEAPU8.length;requestedSize=requestedSize>>>0;var maxHeapSize=_emscripten_get_heap_max();if(requestedSize>maxHeapSize){return false}let alignUp=(x,multiple)=>x+(multiple-x%multiple)%multiple;for(var cutDown=1;cutDown<=4;cutDown*=2){var overGrownHeapSize=oldSize*(1+.2/cutDown);overGrownHeapSize=Math.min(overGrownHeapSize,requestedSize+100663296);var newSize=Math.min(maxHeapSize,alignUp(Math.max(requestedSize,overGrownHeapSize),65536));var replacement=emscripten_realloc_buffer(newSize);if(replacement){return true}}return false}var ASSERTIONS=false;function intArrayToString(array){var ret=[];for(var i=0;i<array.length;i++){var chr=array[i];if(chr>255){if(ASSERTIONS){assert(false,"Character code "+chr+" ("+String.fromCharCode(chr)+")  at offset "+i+" not in 0x00-0xFF.")}chr&=255}ret.push(String.fromCharCode(chr))}return ret.join("")}var decodeBase64=typeof atob=="function"?atob:function(input){var keyStr="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";var output="";var chr1,chr2,chr3;var enc1,enc2,enc3,enc4;var i=0;input=input.replace(/[^A-Za-z0-9\+\/\=]/g,"");do{enc1=keyStr.indexOf(input.charAt(i++));enc2=keyStr.indexOf(input.charAt(i++));enc3=keyStr.indexOf(input.charAt(i++));enc4=keyStr.indexOf(input.charAt(i++));chr1=enc1<<2|enc2>>4;chr2=(enc2&15)<<4|enc3>>2;chr3=(enc3&3)<<6|enc4;output=output+String.fromCharCode(chr1);if(enc3!==64){output=output+String.fromCharCode(chr2)}if(enc4!==64){output=output+String.fromCharCode(chr3)}}while(i<input.length);return output};function intArrayFromBase64(s){if(typeof ENVIRONMENT_IS_NODE=="boolean"&&ENVIRONMENT_IS_NODE){var buf=Buffer.from(s,"base64");return new Uint8Array(buf["buffer"],buf["byteOffset"],buf["byteLength"])}try{var decoded=decodeBase64(s);var bytes=new Uint8Array(decoded.length);for(var i=0;i<decoded.length;++i){bytes[i]=decoded.charCodeAt(i)}return bytes}catch(_){throw new Error("Converting base64 string to bytes failed.")}}function tryParseAsDataURI(filename){if(!isDataURI(filename)){return}return intArrayFromBase64(filename.slice(dataURIPrefix.length))}var asmLibraryArg={"b":_emscripten_memcpy_big,"a":_emscripten_resize_heap};var asm=createWasm();var ___wasm_call_ctors=Module["___wasm_call_ctors"]=asm["d"];var _libdeflate_alloc_compressor=Module["_libdeflate_alloc_compressor"]=asm["e"];var _libdeflate_deflate_compress=Module["_libdeflate_deflate_compress"]=asm["f"];var _libdeflate_free_compressor=Module["_libdeflate_free_compressor"]=asm["g"];var _libdeflate_deflate_compress_bound=Module["_libdeflate_deflate_compress_bound"]=asm["h"];var _libdeflate_zlib_compress=Module["_libdeflate_zlib_compress"]=asm["j"];var _libdeflate_zlib_compress_bound=Module["_libdeflate_zlib_compress_bound"]=asm["k"];var _libdeflate_gzip_compress=Module["_libdeflate_gzip_compress"]=asm["l"];var _libdeflate_gzip_compress_bound=Module["_libdeflate_gzip_compress_bound"]=asm["m"];var _malloc=Module["_malloc"]=asm["n"];var _free=Module["_free"]=asm["o"];var calledRun;function ExitStatus(status){this.name="ExitStatus";this.message="Program terminated with exit("+status+")";this.status=status}dependenciesFulfilled=function runCaller(){if(!calledRun)run();if(!calledRun)dependenciesFulfilled=runCaller};function run(args){args=args||arguments_;if(runDependencies>0){return}preRun();if(runDependencies>0){return}function doRun(){if(calledRun)return;calledRun=true;Module["calledRun"]=true;if(ABORT)return;initRuntime();readyPromiseResolve(Module);if(Module["onRuntimeInitialized"])Module["onRuntimeInitialized"]();postRun()}if(Module["setStatus"]){Module["setStatus"]("Running...");setTimeout(function(){setTimeout(function(){Module["setStatus"]("")},1);doRun()},1)}else{doRun()}}Module["run"]=run;if(Module["preInit"]){if(typeof Module["preInit"]=="function")Module["preInit"]=[Module["preInit"]];while(Module["preInit"].length>0){Module["preInit"].pop()()}}run();


  return Module
}
);
})();
/* harmony default export */ const __WEBPACK_DEFAULT_EXPORT__ = (Module);

/***/ })

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __nccwpck_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		var threw = true;
/******/ 		try {
/******/ 			__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/******/ 	// expose the modules object (__webpack_modules__)
/******/ 	__nccwpck_require__.m = __webpack_modules__;
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/define property getters */
/******/ 	(() => {
/******/ 		// define getter functions for harmony exports
/******/ 		__nccwpck_require__.d = (exports, definition) => {
/******/ 			for(var key in definition) {
/******/ 				if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 					Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 				}
/******/ 			}
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
/******/ 	(() => {
/******/ 		__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/make namespace object */
/******/ 	(() => {
/******/ 		// define __esModule on exports
/******/ 		__nccwpck_require__.r = (exports) => {
/******/ 			if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 				Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 			}
/******/ 			Object.defineProperty(exports, '__esModule', { value: true });
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/publicPath */
/******/ 	(() => {
/******/ 		__nccwpck_require__.p = "";
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/compat */
/******/ 	
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/******/ 	/* webpack/runtime/require chunk loading */
/******/ 	(() => {
/******/ 		__nccwpck_require__.b = require("url").pathToFileURL(__filename);
/******/ 		
/******/ 		// object to store loaded chunks
/******/ 		// "1" means "loaded", otherwise not loaded yet
/******/ 		var installedChunks = {
/******/ 			792: 1
/******/ 		};
/******/ 		
/******/ 		// no on chunks loaded
/******/ 		
/******/ 		// no chunk install function needed
/******/ 		
/******/ 		// no chunk loading
/******/ 		
/******/ 		// no external install chunk
/******/ 		
/******/ 		// no HMR
/******/ 		
/******/ 		// no HMR manifest
/******/ 	})();
/******/ 	
/************************************************************************/
/******/ 	
/******/ 	// startup
/******/ 	// Load entry module and return exports
/******/ 	// This entry module is referenced by other modules so it can't be inlined
/******/ 	var __webpack_exports__ = __nccwpck_require__(706);
/******/ 	module.exports = __webpack_exports__;
/******/ 	
/******/ })()
;