;; SIMD loops that tfjs-wasm lacks or runs slowly, run directly on the tfjs-wasm heap (imported as env.memory).
;; All pointers and sizes are in bytes; vectors are 4 floats, so every row handled here must be a multiple of 16 bytes.
;; After editing, run `node scripts/build-simd.mjs` to rebuild simdKernelsWasm.ts (a test fails while it is stale).
(module
  (import "env" "memory" (memory 0))

  ;; Max-pool gradient, NHWC: each dy value goes to the first tap (row-major) of its window whose input equals the
  ;; pooled maximum y, as the cpu backend routes it. dx must be zeroed; overlapping windows accumulate.
  (func $maxPoolGrad (export "maxPoolGrad")
    (param $x i32) (param $y i32) (param $dy i32) (param $dx i32) (param $batch i32) (param $inH i32)
    (param $inW i32) (param $pix i32) (param $outH i32) (param $outW i32) (param $sh i32) (param $sw i32)
    (param $fh i32) (param $fw i32) (param $padTop i32) (param $padLeft i32)
    (local $rowBytes i32) (local $base i32) (local $yOff i32) (local $n i32) (local $oh i32) (local $ow i32)
    (local $hs i32) (local $he i32) (local $ws i32) (local $we i32) (local $c i32) (local $h i32) (local $w i32)
    (local $a i32) (local $m v128) (local $g v128) (local $taken v128) (local $hit v128)
    local.get $inW local.get $pix i32.mul local.set $rowBytes
    block $nDone loop $nLoop
      local.get $n local.get $batch i32.ge_s br_if $nDone
      local.get $n local.get $inH i32.mul local.get $rowBytes i32.mul local.set $base
      i32.const 0 local.set $oh
      block $ohDone loop $ohLoop
        local.get $oh local.get $outH i32.ge_s br_if $ohDone
        ;; rows [hs, he) = [oh·sh − padTop, + fh) clipped to [0, inH)
        local.get $oh local.get $sh i32.mul local.get $padTop i32.sub local.tee $hs
        local.get $fh i32.add local.tee $he
        local.get $inH local.get $he local.get $inH i32.lt_s select local.set $he
        local.get $hs i32.const 0 local.get $hs i32.const 0 i32.gt_s select local.set $hs
        i32.const 0 local.set $ow
        block $owDone loop $owLoop
          local.get $ow local.get $outW i32.ge_s br_if $owDone
          local.get $ow local.get $sw i32.mul local.get $padLeft i32.sub local.tee $ws
          local.get $fw i32.add local.tee $we
          local.get $inW local.get $we local.get $inW i32.lt_s select local.set $we
          local.get $ws i32.const 0 local.get $ws i32.const 0 i32.gt_s select local.set $ws
          i32.const 0 local.set $c
          block $cDone loop $cLoop
            local.get $c local.get $pix i32.ge_s br_if $cDone
            local.get $y local.get $yOff i32.add local.get $c i32.add v128.load local.set $m
            local.get $dy local.get $yOff i32.add local.get $c i32.add v128.load local.set $g
            i32.const 0 i32x4.splat local.set $taken
            local.get $hs local.set $h
            block $hDone loop $hLoop
              local.get $h local.get $he i32.ge_s br_if $hDone
              local.get $ws local.set $w
              block $wDone loop $wLoop
                local.get $w local.get $we i32.ge_s br_if $wDone
                local.get $base local.get $h local.get $rowBytes i32.mul i32.add
                local.get $w local.get $pix i32.mul i32.add local.get $c i32.add local.set $a
                ;; hit = lanes where x == max and no earlier tap took the gradient
                local.get $x local.get $a i32.add v128.load local.get $m f32x4.eq
                local.get $taken v128.andnot local.set $hit
                local.get $dx local.get $a i32.add
                local.get $dx local.get $a i32.add v128.load
                local.get $g local.get $hit v128.and f32x4.add
                v128.store
                local.get $taken local.get $hit v128.or local.set $taken
                local.get $w i32.const 1 i32.add local.set $w
                br $wLoop
              end end
              local.get $h i32.const 1 i32.add local.set $h
              br $hLoop
            end end
            local.get $c i32.const 16 i32.add local.set $c
            br $cLoop
          end end
          local.get $yOff local.get $pix i32.add local.set $yOff
          local.get $ow i32.const 1 i32.add local.set $ow
          br $owLoop
        end end
        local.get $oh i32.const 1 i32.add local.set $oh
        br $ohLoop
      end end
      local.get $n i32.const 1 i32.add local.set $n
      br $nLoop
    end end)

  ;; out[c] += Σ_r in[r, c] over rows of rowBytes.
  (func $columnSums (export "columnSums") (param $in i32) (param $out i32) (param $rows i32) (param $rowBytes i32)
    (local $r i32) (local $c i32)
    block $rDone loop $rLoop
      local.get $r local.get $rows i32.ge_s br_if $rDone
      i32.const 0 local.set $c
      block $cDone loop $cLoop
        local.get $c local.get $rowBytes i32.ge_s br_if $cDone
        local.get $out local.get $c i32.add
        local.get $out local.get $c i32.add v128.load
        local.get $in local.get $c i32.add v128.load
        f32x4.add
        v128.store
        local.get $c i32.const 16 i32.add local.set $c
        br $cLoop
      end end
      local.get $in local.get $rowBytes i32.add local.set $in
      local.get $r i32.const 1 i32.add local.set $r
      br $rLoop
    end end)

  ;; dst[c, r] = src[r, c] for a rows × cols matrix of blocks of `block` bytes.
  (func $transposeBlocks (export "transposeBlocks")
    (param $src i32) (param $dst i32) (param $rows i32) (param $cols i32) (param $block i32)
    (local $r i32) (local $c i32) (local $k i32) (local $d i32) (local $colStride i32)
    local.get $rows local.get $block i32.mul local.set $colStride
    block $rDone loop $rLoop
      local.get $r local.get $rows i32.ge_s br_if $rDone
      local.get $dst local.get $r local.get $block i32.mul i32.add local.set $d
      i32.const 0 local.set $c
      block $cDone loop $cLoop
        local.get $c local.get $cols i32.ge_s br_if $cDone
        i32.const 0 local.set $k
        block $kDone loop $kLoop
          local.get $k local.get $block i32.ge_s br_if $kDone
          local.get $d local.get $k i32.add
          local.get $src local.get $k i32.add v128.load
          v128.store
          local.get $k i32.const 16 i32.add local.set $k
          br $kLoop
        end end
        local.get $src local.get $block i32.add local.set $src
        local.get $d local.get $colStride i32.add local.set $d
        local.get $c i32.const 1 i32.add local.set $c
        br $cLoop
      end end
      local.get $r i32.const 1 i32.add local.set $r
      br $rLoop
    end end))
